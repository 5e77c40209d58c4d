package org.onedoor.core.internal.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The id of this hall node for records written before the cluster member runs: the one the cluster keeps in data/onedoor/node-id. */
final class NodeName {

    private NodeName() {
    }

    /** @return the kept node id, or {@code local} when the node has none yet */
    static String kept() {
        String data = System.getProperty("karaf.data");
        if (data != null) {
            try {
                Path file = Path.of(data, "onedoor", "node-id");
                if (Files.isRegularFile(file)) {
                    String id = Files.readString(file, StandardCharsets.UTF_8).trim();
                    if (!id.isEmpty()) {
                        return id.length() <= 64 ? id : id.substring(0, 64);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return "local";
            }
        }
        return "local";
    }
}
