package org.onedoor.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void emptyUrlMeansEmbeddedH2UnderData() {
        DatabaseUrl url = DatabaseUrl.of("  ", Path.of("/srv/node/data"));
        assertEquals(DatabaseUrl.Kind.H2, url.kind());
        assertTrue(url.jdbcUrl().startsWith("jdbc:h2:file:/srv/node/data/onedoor/hall"), url.jdbcUrl());
    }

    @Test
    void postgresqlUrlSwitchesKind() {
        DatabaseUrl url = DatabaseUrl.of("jdbc:postgresql://127.0.0.1:5432/onedoor", Path.of("data"));
        assertEquals(DatabaseUrl.Kind.POSTGRESQL, url.kind());
    }

    @Test
    void unsupportedUrlIsRefusedWithTheSupportedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.of("jdbc:mysql://x/y", Path.of("data")));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    }

    @Test
    void passwordIsHiddenInLogs() {
        DatabaseUrl url = DatabaseUrl.of("jdbc:postgresql://h/db?user=u&password=secret", Path.of("data"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=***", url.safeForLog());
    }
}
