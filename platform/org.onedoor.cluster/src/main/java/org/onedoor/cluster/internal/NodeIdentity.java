package org.onedoor.cluster.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The node id: configured, or generated once and kept under the node's data folder. */
final class NodeIdentity {

    private NodeIdentity() {
    }

    /**
     * @param configured the configured id, or empty
     * @param dataDir    the node's data folder
     * @return the configured id, else the kept one, else a new one (which is then kept)
     */
    static String resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            String id = configured.trim();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("nodeId '" + id + "' may hold only letters, digits, '.', '_' and '-' (at most 64)");
            }
            return id;
        }
        Path file = dataDir.resolve("onedoor").resolve("node-id");
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String id = "node-" + UUID.randomUUID().toString().substring(0, 8);
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the node id in " + file, e);
        }
    }
}
