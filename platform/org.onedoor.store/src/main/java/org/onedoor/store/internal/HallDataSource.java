package org.onedoor.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The node's durable store, offered as a {@link DataSource} service with the property
 * {@code onedoor.datasource=hall} once the schema is migrated to the newest version.
 *
 * <p>A configuration change (e.g. switching to PostgreSQL) re-creates the component, so
 * consumers see the old service go and the new one come.
 */
@Component(service = DataSource.class, configurationPid = "org.onedoor.store",
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {HallDataSource.NAME_PROPERTY + "=" + HallDataSource.NAME})
@Designate(ocd = StoreConfig.class)
public final class HallDataSource implements DataSource {

    /** Service property that names the hall's data source. */
    public static final String NAME_PROPERTY = "onedoor.datasource";
    /** Its value for the hall's own data source. */
    public static final String NAME = "hall";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HallDataSource.class);

    private final HikariDataSource pool;

    @Activate
    public HallDataSource(StoreConfig config, BundleContext context) {
        String data = context.getProperty("karaf.data");
        DatabaseUrl url = DatabaseUrl.of(config.url(), Path.of(data == null ? "data" : data));
        LOG.info("OneDoor store: opening {} database at {}", url.kind(), url.safeForLog());
        this.pool = PooledDataSourceFactory.create(url, config);
        try {
            MigrateResult result = SchemaMigrator.migrate(pool, HallDataSource.class.getClassLoader());
            LOG.info("OneDoor store: schema at version {} ({} migration(s) applied now)",
                    result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Deactivate
    void close() {
        pool.close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the hall data source uses its configured credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("the hall data source does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
