package org.onedoor.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterSource;
import org.onedoor.api.zone.Zone;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Whether the node has finished starting: Karaf has installed its boot features, the zone
 * directory and the matter catalog are there, every active zone bundle's zone is open and every
 * active catalog bundle's catalog is registered. Zones an operator disabled (feature uninstalled,
 * bundle stopped) are not waited for. Once started, the node stays started: later zone switches
 * and plug-in deployments do not make it un-ready.
 */
public final class NodeStartup {

    /** Registered by Karaf's feature service once the boot features are installed and started. */
    static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    private final BundleContext context;
    private final Supplier<ZoneDirectory> zones;
    private final Supplier<MatterCatalog> catalog;
    private volatile boolean started;

    NodeStartup(BundleContext context, Supplier<ZoneDirectory> zones, Supplier<MatterCatalog> catalog) {
        this.context = context;
        this.zones = zones;
        this.catalog = catalog;
    }

    /** @return what the node still waits for before it serves; empty once started */
    List<String> pending() {
        if (started) {
            return List.of();
        }
        List<String> pending = new ArrayList<>();
        if (context.getServiceReference(BOOT_FINISHED) == null) {
            pending.add("Karaf is still installing the boot features");
        }
        ZoneDirectory directory = zones.get();
        if (directory == null) {
            pending.add("the zone directory is not available yet");
        }
        if (catalog.get() == null) {
            pending.add("the matter catalog is not available yet");
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE) {
                continue;
            }
            if (bundle.getHeaders("").get(Zone.DESCRIPTOR_HEADER) != null) {
                String id = registered(bundle, Zone.class.getName(), Zone.ZONE_ID_PROPERTY);
                if (id == null) {
                    pending.add("zone bundle " + bundle.getSymbolicName() + " has not registered its zone");
                } else if (directory != null && directory.zone(id).map(z -> z.state() != ZoneState.OPEN).orElse(true)) {
                    pending.add("zone " + id + " is not open yet");
                }
            }
            if (bundle.getHeaders("").get(MatterSource.CATALOG_HEADER) != null
                    && registered(bundle, MatterSource.class.getName(), Constants.SERVICE_ID) == null) {
                pending.add("catalog of " + bundle.getSymbolicName() + " is not loaded yet");
            }
        }
        if (pending.isEmpty()) {
            started = true;
        }
        return pending;
    }

    /** @return the property of the bundle's first registered service of the type, or null when it has none */
    private static String registered(Bundle bundle, String type, String property) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services != null) {
            for (ServiceReference<?> ref : services) {
                if (ref.getProperty(Constants.OBJECTCLASS) instanceof String[] classes && List.of(classes).contains(type)) {
                    return String.valueOf(ref.getProperty(property));
                }
            }
        }
        return null;
    }
}
