package org.onedoor.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void migratesAnEmptyDatabaseOnceAndKeepsDataOnTheSecondRun() throws Exception {
        Path dir = Files.createTempDirectory("onedoor-store");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("hall") + ";DB_CLOSE_ON_EXIT=FALSE");
        ds.setUser("sa");

        MigrateResult first = SchemaMigrator.migrate(ds, getClass().getClassLoader());
        assertTrue(first.migrationsExecuted >= 1, "first run applies the migrations");
        try (Connection c = ds.getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO zone_notice VALUES ('police', '今日暂停', 'op', CURRENT_TIMESTAMP)");
        }

        MigrateResult second = SchemaMigrator.migrate(ds, getClass().getClassLoader());
        assertEquals(0, second.migrationsExecuted, "second run has nothing to do");
        try (Connection c = ds.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT text FROM zone_notice WHERE zone_id = 'police'")) {
            assertTrue(rs.next());
            assertEquals("今日暂停", rs.getString(1));
        }
    }
}
