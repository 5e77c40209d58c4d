package org.onedoor.cluster.internal;

import java.util.ArrayList;
import java.util.List;

/** Parses and checks the configured TCP-IP member list. */
final class MemberList {

    private MemberList() {
    }

    /**
     * @param configured comma-separated {@code host:port} entries; blank entries are skipped
     * @return the entries, trimmed
     * @throws IllegalArgumentException naming the first entry that is not {@code host:port}
     */
    static List<String> parse(String configured) {
        List<String> members = new ArrayList<>();
        if (configured == null) {
            return members;
        }
        for (String raw : configured.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("cluster member '" + entry + "' must be host:port, e.g. 127.0.0.1:5702");
            }
            String port = entry.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                throw new IllegalArgumentException("cluster member '" + entry
                        + "' has no valid port: list each member as host:port (ranges like 5701-5703 are not accepted)");
            }
            members.add(entry);
        }
        return members;
    }
}
