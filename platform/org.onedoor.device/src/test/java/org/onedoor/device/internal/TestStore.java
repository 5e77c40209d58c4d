package org.onedoor.device.internal;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database migrated with the store bundle's real migrations. */
public final class TestStore {

    private TestStore() {
    }

    public static JdbcDataSource migrated() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .table("onedoor_schema_history").load().migrate();
        return ds;
    }
}
