package org.onedoor.device.internal;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.device.internal.config.ConfiguredDevice;
import org.onedoor.device.internal.outbox.JdbcOutbox;
import org.onedoor.device.internal.transport.SocketTcpTransport;
import org.onedoor.store.HallDatabase;

/** The node's device registry on a fresh H2 store migrated with the store bundle's migrations, for tests. */
public final class TestDevices {

    private final DeviceManager manager;
    private final DataSource store;

    public TestDevices(ScheduledExecutorService scheduler) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .table("onedoor_schema_history").load().migrate();
        this.store = ds;
        this.manager = DeviceManager.of(new JdbcOutbox(new HallDatabase(store)), new SocketTcpTransport(), scheduler);
    }

    public DataSource store() {
        return store;
    }

    public DeviceRegistry registry() {
        return manager;
    }

    public void configure(String id, Map<String, ?> properties) {
        manager.addDevice(new ConfiguredDevice(id, properties));
    }

    public void driver(DeviceDriverFactory driver) {
        manager.addDriver(driver);
    }

    public void stop() {
        manager.stop();
    }
}
