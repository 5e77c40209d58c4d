package org.onedoor.core.internal.staff;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.staff.RosterEntry;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The gate the window desk asks when a clerk signs in (R15, R16, zones and the roster): reads the
 * user's staff record, its zone and the day's roster in the sign-in's own transaction (every node
 * decides alike, and a withdrawal or a roster change committed before cannot slip past) and refuses
 * with {@link QueueException} CONFLICT, naming the rule, as {@link WindowGate} and {@link SeatRules}
 * decide.
 */
@Component(service = WindowTrainingGate.class, configurationPid = "org.onedoor.staff", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StaffConfig.class)
public final class WindowTrainingGate {

    private final HallDatabase database;
    private final WindowGate.Mode mode;

    @Activate
    public WindowTrainingGate(@Reference HallDatabase database, StaffConfig config) {
        this(database, WindowGate.Mode.of(config.trainingRequired()));
    }

    WindowTrainingGate(HallDatabase database, WindowGate.Mode mode) {
        this.database = database;
        this.mode = mode;
    }

    /** Refuses the sign-in of {@code user} at {@code window} when the registry says so (record and training only: no zone, no roster). */
    public void check(String user, int window) {
        if (mode == WindowGate.Mode.OFF) {
            return;
        }
        Optional<StaffMember> record = database.withHandle(h -> StaffStore.ofUser(h, user));
        WindowGate.check(mode, user, window, record).ifPresent(r -> {
            throw new QueueException(QueueException.Reason.CONFLICT, r.code(), r.message());
        });
    }

    /**
     * Refuses the sign-in of {@code user} at {@code window} (of zone {@code zoneId} in hall {@code hallId}) on the hall day
     * {@code day}, reading on the connection of the sign-in's transaction.
     */
    public void check(Connection c, String hallId, String user, int window, String zoneId, LocalDate day) throws SQLException {
        HallDatabase.onConnection(c, h -> {
            check(h, hallId, user, window, zoneId, day);
            return null;
        });
    }

    private void check(org.jdbi.v3.core.Handle h, String hallId, String user, int window, String zoneId, LocalDate day) {
        if (mode == WindowGate.Mode.OFF) {
            return;
        }
        Optional<StaffMember> record = StaffStore.ofUser(h, user);
        Optional<WindowGate.Refusal> refusal = WindowGate.check(mode, user, window, record);
        if (refusal.isEmpty()) {
            Optional<String> zone = record.flatMap(m -> RosterStore.zone(h, m.id()));
            Optional<RosterEntry> here = RosterStore.atWindow(h, hallId, day, window);
            Optional<RosterEntry> there = record.flatMap(m -> RosterStore.ofMember(h, hallId, day, m.id()));
            refusal = SeatRules.maySit(user, record, zone, window, zoneId, here, there);
        }
        refusal.ifPresent(r -> {
            throw new QueueException(QueueException.Reason.CONFLICT, r.code(), r.message());
        });
    }
}
