package org.onedoor.device.internal;

import org.h2.jdbcx.JdbcDataSource;
import org.onedoor.store.testing.TestDatabases;

/** A fresh in-memory H2 database migrated with the store bundle's real migrations ({@link TestDatabases#h2()}). */
public final class TestStore {

    private TestStore() {
    }

    public static JdbcDataSource migrated() {
        return TestDatabases.h2();
    }
}
