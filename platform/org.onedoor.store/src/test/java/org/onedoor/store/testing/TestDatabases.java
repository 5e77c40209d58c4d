package org.onedoor.store.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The databases of the unit tests, made one way: a fresh in-memory H2, or a fresh database on the
 * PostgreSQL server on 127.0.0.1:5432 (user {@code postgres}, trust; {@code bash .ci/run} starts it),
 * each migrated with the store bundle's real migrations when asked. Without the server a PostgreSQL
 * test is skipped with a message saying what to start; under {@code CI=true} it fails instead.
 *
 * <p>Shared with the other modules' tests through the store's test jar.
 */
public final class TestDatabases {

    /** The local PostgreSQL server, without a database name. */
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private TestDatabases() {
    }

    /** @return a fresh in-memory H2 database, not migrated */
    public static JdbcDataSource emptyH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** @return a fresh in-memory H2 database migrated to the newest version */
    public static JdbcDataSource h2() {
        return migrate(emptyH2(), null);
    }

    /**
     * Migrates the database with the store's migrations.
     *
     * @param target the version to stop at (e.g. {@code "76"}), or null for the newest
     * @return the data source
     */
    public static <D extends DataSource> D migrate(D ds, String target) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
        return ds;
    }

    /** @return whether the local PostgreSQL server answers */
    public static boolean postgresUp() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Creates a fresh, empty database on the local PostgreSQL server; skips the test when the server
     * is not running (fails it under {@code CI=true}).
     *
     * @param prefix the start of the database's name, e.g. {@code "onedoor_audit"}
     */
    public static Postgres postgres(String prefix) {
        boolean up = postgresUp();
        if (!up && System.getenv("CI") != null) {
            fail("PostgreSQL must run on 127.0.0.1:5432 for this test (bash .ci/run starts it)");
        }
        assumeTrue(up, "PostgreSQL is not running on 127.0.0.1:5432 (bash .ci/run starts it)");
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return new Postgres(name);
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement st = admin.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A database of its own on the local server; closing it drops it, connections and all. */
    public static final class Postgres implements AutoCloseable {

        private final String name;
        private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

        private Postgres(String name) {
            this.name = name;
            dataSource.setURL(url());
            dataSource.setUser("postgres");
        }

        /** @return the database's name */
        public String name() {
            return name;
        }

        /** @return its JDBC URL */
        public String url() {
            return SERVER + name;
        }

        /** @return a data source on it, as user {@code postgres} */
        public PGSimpleDataSource dataSource() {
            return dataSource;
        }

        /** @return its data source, migrated to the newest version */
        public PGSimpleDataSource migrated() {
            return migrate(dataSource, null);
        }

        @Override
        public void close() {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
