package org.onedoor.core.internal.zone;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Dictionary;
import java.util.Hashtable;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.Zone;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zone extender: for every active bundle whose manifest names a descriptor in the
 * {@value Zone#DESCRIPTOR_HEADER} header, registers a {@link Zone} service in that bundle's
 * name, so the zone lives exactly as long as the bundle is active. Zone bundles thus carry
 * data only, no code.
 */
@Component(immediate = true, service = {})
public final class ZoneExtender implements BundleTrackerCustomizer<ServiceRegistration<Zone>> {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneExtender.class);

    private final BundleTracker<ServiceRegistration<Zone>> tracker;

    @Activate
    public ZoneExtender(BundleContext context) {
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<Zone> addingBundle(Bundle bundle, BundleEvent event) {
        String path = bundle.getHeaders().get(Zone.DESCRIPTOR_HEADER);
        if (path == null || path.isBlank()) {
            return null;
        }
        String source = bundle.getSymbolicName() + "!/" + path.trim();
        URL entry = bundle.getEntry(path.trim());
        if (entry == null) {
            LOG.error("Zone bundle {} names descriptor {} but the bundle has no such file; the zone is not opened",
                    bundle.getSymbolicName(), path);
            return null;
        }
        ZoneDescriptor descriptor;
        try (InputStream in = entry.openStream()) {
            descriptor = ZoneDescriptorCodec.read(in, source);
        } catch (IOException | RuntimeException e) {
            LOG.error("Zone bundle {} has an invalid descriptor, the zone is not opened: {}",
                    bundle.getSymbolicName(), e.getMessage());
            return null;
        }
        BundleContext zoneContext = bundle.getBundleContext();
        if (zoneContext == null) {
            return null;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Zone.ZONE_ID_PROPERTY, descriptor.id());
        props.put(Constants.SERVICE_DESCRIPTION, "Zone " + descriptor.id() + " (" + descriptor.nameZh() + ")");
        Zone zone = new DescribedZone(descriptor);
        return zoneContext.registerService(Zone.class, zone, props);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Zone> registration) {
        // the descriptor of an active bundle cannot change without a stop and start
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<Zone> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }

    /** A zone defined by its descriptor alone. */
    private record DescribedZone(ZoneDescriptor descriptor) implements Zone {
    }
}
