package org.onedoor.core.internal.zone;

import java.util.Dictionary;
import java.util.Hashtable;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.Zone;
import org.onedoor.core.internal.extender.BundleFileExtender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The zone extender: for every active bundle whose manifest names a descriptor in the
 * {@value Zone#DESCRIPTOR_HEADER} header, registers a {@link Zone} service in that bundle's
 * name, so the zone lives exactly as long as the bundle is active. Zone bundles thus carry
 * data only, no code.
 */
@Component(immediate = true, service = {})
public final class ZoneExtender {

    private final BundleFileExtender<Zone> extender;

    @Activate
    public ZoneExtender(BundleContext context) {
        this.extender = new BundleFileExtender<>(context, Zone.DESCRIPTOR_HEADER, Zone.class,
                (in, origin) -> new DescribedZone(ZoneDescriptorCodec.read(in, origin)), ZoneExtender::properties);
        extender.open();
    }

    @Deactivate
    void close() {
        extender.close();
    }

    private static Dictionary<String, Object> properties(Zone zone) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Zone.ZONE_ID_PROPERTY, zone.descriptor().id());
        props.put(Constants.SERVICE_DESCRIPTION, "Zone " + zone.descriptor().id() + " (" + zone.descriptor().nameZh() + ")");
        return props;
    }

    /** A zone defined by its descriptor alone. */
    private record DescribedZone(ZoneDescriptor descriptor) implements Zone {
    }
}
