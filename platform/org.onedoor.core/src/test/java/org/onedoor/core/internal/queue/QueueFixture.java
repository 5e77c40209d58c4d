package org.onedoor.core.internal.queue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.Zone;
import org.onedoor.core.internal.zone.ZoneRegistryAccess;

/** A small hall for queue tests: police (G, windows 97-100), tax (H, 137-138), universal (F, 89-90). */
final class QueueFixture {

    /** The hall's time zone of the tests' clocks (the shipped default of the hall clock). */
    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), HALL_ZONE);

    static QueueConfig config(int requeueNoShows) {
        return new QueueConfig() {
            @Override public Class<? extends Annotation> annotationType() { return QueueConfig.class; }
            @Override public String greenChannel() { return "ELDERLY,DISABLED,MILITARY"; }
            @Override public int requeueNoShows() { return requeueNoShows; }
            @Override public int recentServices() { return 20; }
            @Override public int defaultServiceMinutes() { return 5; }
        };
    }

    static Zone zone(String id, String letter, boolean universal, int first, int last) {
        List<HallWindow> windows = new ArrayList<>();
        IntStream.rangeClosed(first, last).forEach(n -> windows.add(new HallWindow(n, id, n + "号窗口")));
        ZoneDescriptor d = new ZoneDescriptor(id, letter, "区" + id, "Zone " + id, 1, universal, windows, List.of());
        return () -> d;
    }

    final Zone tax = zone("tax", "H", false, 137, 138);
    final List<org.onedoor.api.queue.QueueEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    final ZoneRegistryAccess zones;
    final HallQueueService queue;

    QueueFixture(DataSource ds, int requeueNoShows) {
        this(ds, requeueNoShows, CLOCK);
    }

    QueueFixture(DataSource ds, int requeueNoShows, Clock clock) {
        zones = new ZoneRegistryAccess(ds);
        zones.add(zone("universal", "F", true, 89, 90));
        zones.add(zone("police", "G", false, 97, 100));
        zones.add(tax);
        QueueEventHub hub = new QueueEventHub();
        hub.subscribe(events::add);
        queue = new HallQueueService(ds, zones.directory(), hub, config(requeueNoShows), clock);
    }
}
