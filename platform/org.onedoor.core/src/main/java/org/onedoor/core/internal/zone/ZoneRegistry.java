package org.onedoor.core.internal.zone;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.Zone;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's zone directory: follows {@link Zone} services as they come and go and remembers
 * (in the store) every zone it has seen, so a disabled zone stays known with its data.
 */
@Component(service = ZoneDirectory.class)
public final class ZoneRegistry implements ZoneDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneRegistry.class);
    private static final Comparator<ZoneStatus> HALL_ORDER = Comparator
            .comparingInt((ZoneStatus s) -> s.descriptor().windows().stream().mapToInt(HallWindow::number).min().orElse(Integer.MAX_VALUE))
            .thenComparing(ZoneStatus::id);

    private final KnownZoneStore store;
    private final Map<String, ZoneStatus> open = new ConcurrentHashMap<>();
    private final Map<String, Zone> openServices = new ConcurrentHashMap<>();
    private final Map<String, ZoneStatus> closed = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Activate
    public ZoneRegistry(@Reference HallDatabase database) {
        this(new KnownZoneStore(database));
    }

    ZoneRegistry(KnownZoneStore store) {
        this.store = store;
        for (ZoneStatus known : store.loadAll()) {
            if (!open.containsKey(key(known.descriptor()))) {
                closed.put(key(known.descriptor()), known);
            }
        }
    }

    /**
     * The key a zone is held under: its id in the default hall, {@code <hall>/<id>} in another hall
     * (also the key of its row in {@code zone_known}).
     */
    static String key(String hallId, String zoneId) {
        return Hall.DEFAULT_ID.equals(hallId) ? zoneId : hallId + "/" + zoneId;
    }

    static String key(ZoneDescriptor d) {
        return key(d.hallId(), d.id());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addZone(Zone zone) {
        String id = key(zone.descriptor());
        synchronized (this) {
            Zone present = openServices.get(id);
            if (present != null && present != zone) {
                LOG.error("A second zone with id '{}' was registered; it is ignored while the first is open", id);
                return;
            }
            ZoneStatus status = new ZoneStatus(zone.descriptor(), ZoneState.OPEN, Instant.now());
            openServices.put(id, zone);
            open.put(id, status);
            closed.remove(id);
        }
        LOG.info("Zone {} ({}) is open", id, zone.descriptor().nameZh());
        store.opened(zone.descriptor());
    }

    /** The node is stopping: zones leaving now are not closed by an operator, so nothing is recorded. */
    @Deactivate
    void stopping() {
        stopping = true;
    }

    void removeZone(Zone zone) {
        String id = key(zone.descriptor());
        synchronized (this) {
            if (!openServices.remove(id, zone)) {
                return;
            }
            open.remove(id);
            closed.put(id, new ZoneStatus(zone.descriptor(), ZoneState.DISABLED, Instant.now()));
        }
        if (!stopping) {
            LOG.info("Zone {} ({}) is disabled; its data is kept", id, zone.descriptor().nameZh());
            store.closed(id);
        }
    }

    @Override
    public List<ZoneStatus> openZones() {
        return openZones(Hall.DEFAULT_ID);
    }

    @Override
    public List<ZoneStatus> knownZones() {
        return knownZones(Hall.DEFAULT_ID);
    }

    @Override
    public Optional<ZoneStatus> zone(String zoneId) {
        return zone(Hall.DEFAULT_ID, zoneId);
    }

    @Override
    public List<ZoneStatus> openZones(String hallId) {
        return open.values().stream().filter(s -> s.descriptor().hallId().equals(hallId)).sorted(HALL_ORDER).toList();
    }

    @Override
    public List<ZoneStatus> knownZones(String hallId) {
        return Stream.concat(open.values().stream(), closed.values().stream())
                .filter(s -> s.descriptor().hallId().equals(hallId)).sorted(HALL_ORDER).toList();
    }

    @Override
    public Optional<ZoneStatus> zone(String hallId, String zoneId) {
        String key = key(hallId, zoneId);
        ZoneStatus status = open.get(key);
        return status != null ? Optional.of(status) : Optional.ofNullable(closed.get(key));
    }
}
