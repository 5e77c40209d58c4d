package org.onedoor.core.internal.hall;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.Zone;
import org.onedoor.core.internal.zone.ZoneDescriptors;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One hall defined by configuration (factory PID {@value #FACTORY_PID}): registers itself for the
 * {@link HallRegistry}, and a {@link Zone} service for each zone its configuration lists, which live
 * as long as the configuration does.
 */
@Component(service = HallSite.class, configurationPid = HallSite.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HallSiteConfig.class, factory = true)
public final class HallSite {

    static final String FACTORY_PID = "org.onedoor.hall.site";

    private final Hall hall;
    private final List<ServiceRegistration<Zone>> zones = new ArrayList<>();

    @Activate
    public HallSite(BundleContext context, HallSiteConfig config) {
        this.hall = new Hall(config.id().trim(), config.nameZh().trim(), config.nameEn().trim(), config.address().trim());
        for (ZoneDescriptor zone : zonesOf(hall.id(), config.zones())) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(Zone.ZONE_ID_PROPERTY, zone.id());
            props.put(HallRegistry.HALL_ID_PROPERTY, hall.id());
            props.put(Constants.SERVICE_DESCRIPTION, "Zone " + zone.id() + " (" + zone.nameZh() + ") of hall " + hall.id());
            zones.add(context.registerService(Zone.class, new ConfiguredZone(zone), props));
        }
    }

    /** @return the zones a hall's configuration lists, all placed in the hall */
    static List<ZoneDescriptor> zonesOf(String hallId, String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return ZoneDescriptors.readList(json, "hall " + hallId).stream().map(z -> z.inHall(hallId)).toList();
    }

    @Deactivate
    void close() {
        for (ServiceRegistration<Zone> r : zones) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // unregistered with the bundle already
            }
        }
        zones.clear();
    }

    Hall hall() {
        return hall;
    }

    /** A zone defined by a hall's configuration. */
    private record ConfiguredZone(ZoneDescriptor descriptor) implements Zone {
    }
}
