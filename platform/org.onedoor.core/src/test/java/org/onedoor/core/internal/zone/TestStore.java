package org.onedoor.core.internal.zone;

import org.h2.jdbcx.JdbcDataSource;
import org.onedoor.store.HallDatabase;
import org.onedoor.store.testing.TestDatabases;

/** A fresh in-memory H2 database migrated with the store bundle's real migrations ({@link TestDatabases#h2()}). */
public final class TestStore {

    private TestStore() {
    }

    public static JdbcDataSource migrated() {
        return TestDatabases.h2();
    }

    /** @return the hall's database helper on a fresh {@link #migrated()} store */
    public static HallDatabase database() {
        return new HallDatabase(migrated());
    }
}
