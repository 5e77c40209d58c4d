package org.onedoor.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.onedoor.store.testing.TestDatabases;

/**
 * The store switched to PostgreSQL by its URL: pooled connections and the same migrations,
 * against the PostgreSQL server on 127.0.0.1:5432 (started by .ci/run), in a fresh database.
 */
class PostgresStoreTest {

    @Test
    void migratesAFreshPostgresDatabaseThroughThePool() throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_test")) {
            DatabaseUrl url = DatabaseUrl.of(pg.url(), Path.of("unused"));
            assertEquals(DatabaseUrl.Kind.POSTGRESQL, url.kind());
            try (HikariDataSource pool = PooledDataSourceFactory.create(url, config("postgres"))) {
                MigrateResult result = SchemaMigrator.migrate(pool, getClass().getClassLoader());
                assertTrue(result.migrationsExecuted >= 1);
                try (Connection c = pool.getConnection()) {
                    c.createStatement().executeUpdate(
                            "INSERT INTO zone_notice VALUES ('tax', '午休不停歇', 'op', CURRENT_TIMESTAMP)");
                    ResultSet rs = c.createStatement().executeQuery("SELECT text FROM zone_notice WHERE zone_id = 'tax'");
                    assertTrue(rs.next());
                    assertEquals("午休不停歇", rs.getString(1));
                }
                assertEquals(0, SchemaMigrator.migrate(pool, getClass().getClassLoader()).migrationsExecuted);
            }
        }
    }

    private static StoreConfig config(String user) {
        return new StoreConfig() {
            @Override public Class<? extends Annotation> annotationType() { return StoreConfig.class; }
            @Override public String url() { return ""; }
            @Override public String user() { return user; }
            @Override public String password() { return ""; }
            @Override public String passwordFile() { return ""; }
            @Override public int maxPoolSize() { return 2; }
            @Override public int connectionTimeoutSeconds() { return 5; }
        };
    }
}
