package org.onedoor.core.internal.hall;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's halls: the default hall, the Zhumadian Citizen Center, always (named by its own
 * {@code org.onedoor.hall.site} configuration when there is one), and every hall configured.
 */
@Component(service = HallDirectory.class)
public final class HallRegistry implements HallDirectory {

    /** Service property of a zone registered for a hall other than by a zone bundle. */
    public static final String HALL_ID_PROPERTY = "onedoor.hall.id";

    /** The default hall when no configuration names it. */
    static final Hall BUILT_IN = new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", "");

    private static final Logger LOG = LoggerFactory.getLogger(HallRegistry.class);

    private final Map<String, HallSite> sites = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSite(HallSite site) {
        HallSite earlier = sites.putIfAbsent(site.hall().id(), site);
        if (earlier != null && earlier != site) {
            LOG.error("A second configuration of hall '{}' is ignored while the first is present", site.hall().id());
        } else {
            LOG.info("Hall {} ({}) is served", site.hall().id(), site.hall().nameZh());
        }
    }

    void removeSite(HallSite site) {
        sites.remove(site.hall().id(), site);
    }

    @Override
    public List<Hall> halls() {
        Stream<Hall> others = sites.values().stream().map(HallSite::hall).filter(h -> !h.isDefault());
        return Stream.concat(Stream.of(defaultHall()), others.sorted(Comparator.comparing(Hall::id))).toList();
    }

    @Override
    public Optional<Hall> hall(String hallId) {
        if (Hall.DEFAULT_ID.equals(hallId)) {
            return Optional.of(defaultHall());
        }
        return Optional.ofNullable(sites.get(hallId)).map(HallSite::hall);
    }

    @Override
    public Hall defaultHall() {
        HallSite named = sites.get(Hall.DEFAULT_ID);
        return named != null ? named.hall() : BUILT_IN;
    }
}
