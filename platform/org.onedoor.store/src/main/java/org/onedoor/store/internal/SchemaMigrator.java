package org.onedoor.store.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the versioned schema migrations under {@code db/migration} of this bundle (Flyway). */
final class SchemaMigrator {

    static final String LOCATION = "classpath:db/migration";

    private SchemaMigrator() {
    }

    /**
     * Brings the schema to the newest version; blocks while migrating.
     *
     * @return Flyway's report (applied count, target version)
     */
    static MigrateResult migrate(DataSource dataSource, ClassLoader loader) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        try {
            return Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table("onedoor_schema_history")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
