package org.onedoor.store.internal;

import java.nio.file.Path;
import java.util.Locale;

/** Turns the configured URL into the database kind and the effective JDBC URL. */
record DatabaseUrl(Kind kind, String jdbcUrl) {

    /** The database products the store supports. */
    enum Kind { H2, POSTGRESQL }

    /**
     * @param configured the configured URL, empty for the embedded default
     * @param dataDir    the node's data folder (Karaf's {@code karaf.data})
     * @return the parsed URL
     * @throws IllegalArgumentException for a URL of an unsupported database, naming what is supported
     */
    static DatabaseUrl of(String configured, Path dataDir) {
        String url = configured == null ? "" : configured.trim();
        if (url.isEmpty()) {
            Path file = dataDir.resolve("onedoor").resolve("hall").toAbsolutePath();
            return new DatabaseUrl(Kind.H2, "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return new DatabaseUrl(Kind.H2, url);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Kind.POSTGRESQL, url);
        }
        throw new IllegalArgumentException("unsupported database URL '" + url
                + "': use jdbc:h2:... or jdbc:postgresql://host:port/database, or leave url empty for the embedded database");
    }

    /** @return the URL with any password parameter hidden, for logs */
    String safeForLog() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
