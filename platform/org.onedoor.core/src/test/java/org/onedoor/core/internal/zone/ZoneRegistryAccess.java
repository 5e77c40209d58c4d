package org.onedoor.core.internal.zone;

import javax.sql.DataSource;
import org.onedoor.api.zone.Zone;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.store.HallDatabase;

/** Lets tests of other packages open and close zones on a real zone registry. */
public final class ZoneRegistryAccess {

    private final ZoneRegistry registry;

    public ZoneRegistryAccess(DataSource dataSource) {
        this.registry = new ZoneRegistry(new HallDatabase(dataSource));
    }

    public void add(Zone zone) {
        registry.addZone(zone);
    }

    public void remove(Zone zone) {
        registry.removeZone(zone);
    }

    public ZoneDirectory directory() {
        return registry;
    }
}
