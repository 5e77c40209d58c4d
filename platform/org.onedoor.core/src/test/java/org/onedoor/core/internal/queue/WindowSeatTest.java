package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.StaffException;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.audit.JdbcAuditTrail;
import org.onedoor.core.internal.staff.HallWindowRoster;
import org.onedoor.core.internal.staff.StaffConfig;
import org.onedoor.core.internal.staff.WindowTrainingGate;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.core.internal.zone.ZoneRegistryAccess;
import org.onedoor.store.HallDatabase;

/**
 * A clerk's zone and the day's roster at window sign-in, on a real migrated database with the real
 * queue, gate and roster: the gate reads in the sign-in's own transaction.
 */
class WindowSeatTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final HallPrincipal OPERATOR = new HallPrincipal("operator1", Set.of("operator"), Optional.empty());

    private final DataSource ds = TestStore.migrated();
    private final HallDatabase database = new HallDatabase(ds);
    private final ZoneRegistryAccess zones = new ZoneRegistryAccess(ds);
    private final WindowTrainingGate gate;
    private final HallQueueService queue;
    private final HallWindowRoster roster;

    WindowSeatTest() {
        zones.add(QueueFixture.zone("police", "G", false, 97, 100));
        zones.add(QueueFixture.zone("tax", "H", false, 137, 138));
        gate = new WindowTrainingGate(database, new StaffConfig() {
            @Override public Class<? extends Annotation> annotationType() { return StaffConfig.class; }
            @Override public String trainingRequired() { return "true"; }
        });
        queue = new HallQueueService(ds, zones.directory(), new QueueEventHub(), QueueFixture.config(0), QueueFixture.CLOCK, gate::check);
        roster = new HallWindowRoster(database, new AuditOutbox(database, new JdbcAuditTrail(database, HallClock.of(QueueFixture.CLOCK)), HallClock.of(QueueFixture.CLOCK)),
                HallClock.of(QueueFixture.CLOCK), zones.directory());
    }

    /** An active, trained window staff member as the registry keeps it. */
    private long member(String user, String number, String zone) {
        return database.inTransaction(h -> {
            h.createUpdate("INSERT INTO hall_user (user_name, password_hash, disabled, changed_at) VALUES (:n, 'x', FALSE, :at)")
                    .bind("n", user).bind("at", Instant.EPOCH).execute();
            long id = h.createUpdate("INSERT INTO staff_member (staff_no, real_name, unit_id, post, user_name, live_user, state, dispatched_on,"
                    + " created_at, zone_id) VALUES (:no, :name, 'A17', 'WINDOW_STAFF', :user, :user, 'ACTIVE', :on, :at, :zone)")
                    .bind("no", number).bind("name", "职员" + number).bind("user", user).bind("on", TODAY.minusDays(30))
                    .bind("at", Instant.EPOCH).bindByType("zone", zone, String.class).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO staff_training (staff_id, course, trained_on, result, recorded_by, recorded_at)"
                    + " VALUES (:id, '窗口服务规范', :on, 'PASSED', 'admin', :at)").bind("id", id).bind("on", TODAY.minusDays(20))
                    .bind("at", Instant.EPOCH).execute();
            return id;
        });
    }

    private static QueueException refused(String code, Executable what) {
        QueueException e = assertThrows(QueueException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(QueueException.Reason.CONFLICT, e.reason());
        return e;
    }

    @Test
    void aClerksZoneLimitsTheWindowsItTakes() {
        member("li.na", "ZW00001", "police");
        QueueException e = refused("wrong-zone", () -> queue.signIn(137, "li.na"));
        assertTrue(e.getMessage().contains("police") && e.getMessage().contains("137") && e.getMessage().contains("tax"), e.getMessage());
        assertTrue(queue.session(137).isEmpty(), "the refused sign-in left nothing");
        assertEquals("li.na", queue.signIn(97, "li.na").clerk());
    }

    @Test
    void aRosteredWindowBelongsToItsMemberForTheDay() {
        long wang = member("wang.wei", "ZW00002", null);
        long li = member("li.na", "ZW00001", "police");
        assertEquals("ZW00002", roster.assign("zhumadian", TODAY, 98, wang, OPERATOR, "test").plate().staffNumber());
        assertEquals("wrong-zone", assertThrows(StaffException.class, () -> roster.assign("zhumadian", TODAY, 137, li, OPERATOR, "test")).code(),
                "the roster keeps the member's zone too");
        assertEquals("not-hall-staff", assertThrows(StaffException.class, () -> roster.assign("zhumadian", TODAY, 99, li,
                new HallPrincipal("dept", Set.of("department"), Optional.of("A17")), "test")).code());

        assertTrue(refused("window-rostered", () -> queue.signIn(98, "li.na")).getMessage().contains("ZW00002"));
        refused("window-rostered", () -> queue.signIn(98, "demo.clerk"));
        assertTrue(refused("rostered-elsewhere", () -> queue.signIn(99, "wang.wei")).getMessage().contains("98"));
        assertEquals("wang.wei", queue.signIn(98, "wang.wei").clerk());
        assertEquals("li.na", queue.signIn(97, "li.na").clerk(), "an unrostered window of the clerk's zone is free");
        assertEquals(List.of(98), roster.roster("zhumadian", TODAY).stream().map(r -> r.window()).toList());
        assertTrue(roster.roster("zhumadian", TODAY.plusDays(1)).isEmpty(), "a roster is by day");

        Map<String, NamePlate> plates = roster.namePlates(List.of("wang.wei", "li.na", "demo.clerk"));
        assertEquals("ZW00002", plates.get("wang.wei").staffNumber());
        assertEquals("职员ZW00001", plates.get("li.na").realName());
        assertFalse(plates.containsKey("demo.clerk"), "no plate without a staff record");
        assertTrue(roster.unassign("zhumadian", TODAY, 98, OPERATOR, "test"));
    }

    @Test
    void theGateReadsInTheSignInsOwnTransaction() throws Exception {
        long li = member("li.na", "ZW00001", "police");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            HallDatabase.onConnection(c, h -> h.createUpdate("UPDATE staff_member SET state = 'PENDING' WHERE id = :id").bind("id", li).execute());
            assertEquals("staff-not-dispatched", assertThrows(QueueException.class,
                    () -> gate.check(c, "zhumadian", "li.na", 97, "police", TODAY)).code(), "the gate sees its transaction's own rows");
            assertFalse(c.isClosed(), "the gate leaves the connection to its transaction");
            assertFalse(c.getAutoCommit());
            c.rollback();
            gate.check(c, "zhumadian", "li.na", 97, "police", TODAY);
        }
        gate.check("li.na", 97);
    }
}
