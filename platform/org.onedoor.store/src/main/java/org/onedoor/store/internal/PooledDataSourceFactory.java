package org.onedoor.store.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Builds the connection pool for a database URL, with the driver's own DataSource (no DriverManager look-up). */
final class PooledDataSourceFactory {

    private PooledDataSourceFactory() {
    }

    static HikariDataSource create(DatabaseUrl url, StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("onedoor-store");
        hikari.setDataSource(driverDataSource(url, config));
        hikari.setMaximumPoolSize(Math.max(1, config.maxPoolSize()));
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(Math.max(1, config.connectionTimeoutSeconds()) * 1000L);
        hikari.setInitializationFailTimeout(Math.max(1, config.connectionTimeoutSeconds()) * 1000L);
        return new HikariDataSource(hikari);
    }

    private static DataSource driverDataSource(DatabaseUrl url, StoreConfig config) {
        String password = StorePassword.of(config);
        switch (url.kind()) {
            case H2: {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url.jdbcUrl());
                h2.setUser(config.user().isEmpty() ? "sa" : config.user());
                h2.setPassword(password);
                return h2;
            }
            case POSTGRESQL: {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url.jdbcUrl());
                if (!config.user().isEmpty()) {
                    pg.setUser(config.user());
                }
                if (!password.isEmpty()) {
                    pg.setPassword(password);
                }
                return pg;
            }
            default:
                throw new IllegalStateException("no driver for " + url.kind());
        }
    }
}
