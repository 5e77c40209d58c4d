package org.onedoor.core.internal.staff;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.RosterEntry;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffException.Reason;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneStatus;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The hall's window roster and the members' zones on the hall database; {@link SeatRules} decides,
 * the window's zone comes from the zone directory, each change is one audited transaction.
 */
@Component(service = WindowRoster.class)
public final class HallWindowRoster implements WindowRoster {

    private final HallDatabase database;
    private final HallClock clock;
    private final ZoneDirectory zones;
    private final StaffChanges changes;

    @Activate
    public HallWindowRoster(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference HallClock clock,
            @Reference ZoneDirectory zones) {
        this.database = database;
        this.clock = clock;
        this.zones = zones;
        this.changes = new StaffChanges(database, audit);
    }

    @Override
    public RosterEntry assign(String hallId, LocalDate day, int window, long staffId, HallPrincipal actor, String origin) {
        return changes.run("staff-roster", actor, origin, "window:" + window, h -> {
            mayRoster(actor);
            if (day == null || day.isBefore(clock.today())) {
                throw new StaffException(Reason.INVALID, "invalid-day", "day: 排班日期不能早于今天 " + clock.today()
                        + " (a roster is made for today or a later day)", "day");
            }
            String zone = zoneOfWindow(hallId, window);
            StaffMember m = StaffStore.lockMember(h, staffId)
                    .orElseThrow(() -> new StaffException(Reason.NOT_FOUND, "unknown-staff", "没有工作人员记录 " + staffId + " (no such staff record)"));
            SeatRules.mayRoster(m, RosterStore.zone(h, staffId), window, zone).ifPresent(r -> {
                throw new StaffException(Reason.CONFLICT, r.code(), r.message());
            });
            RosterStore.put(h, hallId, day, window, zone, staffId, actor.user(), clock.now());
            RosterEntry e = RosterStore.atWindow(h, hallId, day, window).orElseThrow();
            return changes.done(h, e, new AuditEvent("staff-roster", actor.user(), origin, "window:" + window, AuditEvent.SUCCESS,
                    day + " 窗口 " + window + "（" + zone + "）排班 " + e.plate().staffNumber() + " " + e.plate().realName()));
        });
    }

    @Override
    public boolean unassign(String hallId, LocalDate day, int window, HallPrincipal actor, String origin) {
        return changes.run("staff-roster", actor, origin, "window:" + window, h -> {
            mayRoster(actor);
            boolean removed = RosterStore.remove(h, hallId, day, window) > 0;
            return changes.done(h, removed, new AuditEvent("staff-roster", actor.user(), origin, "window:" + window, AuditEvent.SUCCESS,
                    day + " 窗口 " + window + " 取消排班" + (removed ? "" : "（原无排班）")));
        });
    }

    @Override
    public List<RosterEntry> roster(String hallId, LocalDate day) {
        return database.withHandle(h -> RosterStore.day(h, hallId, day));
    }

    @Override
    public void setZone(long staffId, Optional<String> zoneId, HallPrincipal actor, String origin) {
        changes.run("staff-zone", actor, origin, "staff:" + staffId, h -> {
            mayRoster(actor);
            StaffMember m = StaffStore.lockMember(h, staffId)
                    .orElseThrow(() -> new StaffException(Reason.NOT_FOUND, "unknown-staff", "没有工作人员记录 " + staffId + " (no such staff record)"));
            Optional<String> zone = zoneId.map(String::strip).filter(z -> !z.isEmpty());
            if (zone.isPresent() && zones.knownZones().stream().noneMatch(s -> s.descriptor().id().equals(zone.get()))) {
                throw new StaffException(Reason.INVALID, "unknown-zone", "zoneId: 没有区域 " + zone.get() + " (no such zone)", "zoneId");
            }
            RosterStore.setZone(h, staffId, zone);
            return changes.done(h, null, new AuditEvent("staff-zone", actor.user(), origin, "staff:" + staffId, AuditEvent.SUCCESS,
                    m.realName() + " " + m.staffNumber().orElse("") + " 所属区域 " + zone.orElse("（不限）")));
        });
    }

    @Override
    public Optional<String> zone(long staffId) {
        return database.withHandle(h -> RosterStore.zone(h, staffId));
    }

    @Override
    public Map<String, NamePlate> namePlates(Collection<String> userNames) {
        return database.withHandle(h -> RosterStore.plates(h, userNames));
    }

    private static void mayRoster(HallPrincipal actor) {
        if (!actor.holdsAny(StaffRules.HALL_STAFF)) {
            throw new StaffException(Reason.FORBIDDEN, "not-hall-staff", "排班和所属区域由大厅安排 (the hall makes the roster and sets zones)");
        }
    }

    private String zoneOfWindow(String hallId, int window) {
        for (ZoneStatus s : zones.knownZones(hallId)) {
            for (HallWindow w : s.descriptor().windows()) {
                if (w.number() == window) {
                    return s.descriptor().id();
                }
            }
        }
        throw new StaffException(Reason.INVALID, "unknown-window", "window: 大厅 " + hallId + " 没有窗口 " + window + " (no such window)", "window");
    }
}
