package org.onedoor.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.hall.UnitKind;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.DispatchRequest;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;
import org.onedoor.api.staff.TrainingResult;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.audit.JdbcAuditTrail;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * The registry on a real migrated H2 database with the real hash-chained audit trail: the two
 * sign-offs, the one numbering, the two-year lock on replacement and withdrawal, trainings and the
 * window gate reading the same tables.
 */
class HallStaffRegistryTest {

    /** Thursday 2026-12-03, 10:00 in the hall. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T02:00:00Z"));
    private final DataSource ds = TestStore.migrated();
    private final HallDatabase database = new HallDatabase(ds);
    private final JdbcAuditTrail chain = new JdbcAuditTrail(new org.onedoor.store.HallDatabase(ds), org.onedoor.api.hall.HallClock.of(java.time.Clock.systemUTC()));
    private final AuditOutbox outbox = new AuditOutbox(database, chain, clock.hall());
    private final HallStaffRegistry registry = new HallStaffRegistry(database, outbox, clock.hall(), departments(), users());

    private static final HallPrincipal A17 = new HallPrincipal("dept-a17", Set.of("department"), Optional.of("A17"));
    private static final HallPrincipal A26 = new HallPrincipal("dept-a26", Set.of("department"), Optional.of("A26"));
    private static final HallPrincipal ADMIN = new HallPrincipal("admin", Set.of("admin"), Optional.empty());
    private static final HallPrincipal SUPERVISOR = new HallPrincipal("super1", Set.of("supervisor"), Optional.empty());

    private static StaffException refused(String code, Executable what) {
        StaffException e = assertThrows(StaffException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private List<String> audited() {
        return chain.recent(null, null, 200).stream().map(r -> r.event().action() + "/" + r.event().outcome() + "/" + r.event().actor())
                .collect(Collectors.toList());
    }

    private DispatchForm file(String user, String name, Post post) {
        return registry.fileDispatch(new DispatchRequest(name, "A17", post, user, "新设出入境窗口"), A17, "test");
    }

    private StaffMember dispatched(String user, String name, Post post) {
        DispatchForm f = file(user, name, post);
        registry.approve(f.id(), Optional.empty(), ADMIN, "test");
        return registry.member(f.staffId()).orElseThrow();
    }

    @Test
    void aDispatchTakesEffectOnlyWithTheHallsSignOffAndGetsTheNextNumber() {
        DispatchForm filed = file("li.na", "李娜", Post.WINDOW_STAFF);
        assertEquals(FormState.AWAITING_HALL, filed.state());
        StaffMember pending = registry.member(filed.staffId()).orElseThrow();
        assertEquals(StaffState.PENDING, pending.state());
        assertEquals(Optional.empty(), pending.staffNumber(), "no number before the hall signs");
        assertEquals(List.of(filed), registry.forms(Optional.of(FormState.AWAITING_HALL), Optional.of("A17")));
        assertEquals(List.of(), registry.forms(Optional.of(FormState.AWAITING_HALL), Optional.of("A26")));

        refused("same-signer", () -> registry.approve(filed.id(), Optional.empty(),
                new HallPrincipal("dept-a17", Set.of("department", "admin"), Optional.of("A17")), "test"));
        refused("not-hall-signer", () -> registry.approve(filed.id(), Optional.empty(), A17, "test"));
        DispatchForm approved = registry.approve(filed.id(), Optional.empty(), SUPERVISOR, "test");
        assertEquals(FormState.APPROVED, approved.state());
        assertEquals(Optional.of("super1"), approved.decidedBy());
        StaffMember active = registry.member(filed.staffId()).orElseThrow();
        assertEquals(StaffState.ACTIVE, active.state());
        assertEquals(Optional.of("ZW00001"), active.staffNumber());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 3)), active.dispatchedOn());
        refused("form-decided", () -> registry.approve(filed.id(), Optional.empty(), ADMIN, "test"));

        List<String> trail = audited();
        assertTrue(trail.contains("staff-dispatch-file/success/dept-a17"), trail.toString());
        assertTrue(trail.contains("staff-form-approve/success/super1"), trail.toString());
        assertTrue(trail.contains("staff-form-approve/refused/dept-a17"), trail.toString());
        assertTrue(chain.verify().intact(), "the chain holds");
    }

    @Test
    void theNumberingHasNoGapsForRefusedFormsAndAUserHasOneLiveRecord() {
        StaffMember first = dispatched("li.na", "李娜", Post.WINDOW_STAFF);
        DispatchForm refusedForm = file("wang.wei", "王伟", Post.WINDOW_STAFF);
        registry.reject(refusedForm.id(), "材料不全", ADMIN, "test");
        assertEquals(StaffState.REJECTED, registry.member(refusedForm.staffId()).orElseThrow().state());
        refused("user-has-staff-record", () -> file("li.na", "李娜", Post.WINDOW_STAFF));
        StaffMember second = dispatched("wang.wei", "王伟", Post.WINDOW_STAFF);
        assertEquals(Optional.of("ZW00001"), first.staffNumber());
        assertEquals(Optional.of("ZW00002"), second.staffNumber(), "a refused dispatch takes no number");
        assertEquals(second.id(), registry.memberOfUser("wang.wei").orElseThrow().id(), "the live record, not the refused one");

        refused("out-of-department", () -> registry.fileDispatch(new DispatchRequest("赵六", "A17", Post.WINDOW_STAFF, "zhao.liu", "x"),
                A26, "test"));
        assertEquals("userName", refused("unknown-user", () -> file("nobody", "无名", Post.WINDOW_STAFF)).field());
        assertEquals("realName", refused("missing-realName", () -> file("zhao.liu", " ", Post.WINDOW_STAFF)).field());
    }

    @Test
    void aSectionChiefIsReplacedOrWithdrawnWithinTwoYearsOnlyWithTheHallsAgreement() {
        StaffMember chief = dispatched("li.na", "李娜", Post.SECTION_CHIEF);
        DispatchForm replacement = file("wang.wei", "王伟", Post.SECTION_CHIEF);
        StaffException locked = refused("two-year-lock", () -> registry.approve(replacement.id(), Optional.empty(), ADMIN, "test"));
        assertTrue(locked.getMessage().contains("R15"), locked.getMessage());
        assertEquals(StaffState.ACTIVE, registry.member(chief.id()).orElseThrow().state(), "a refused approval changes nothing");

        DispatchForm agreed = registry.approve(replacement.id(), Optional.of("驻中心函〔2026〕31号"), ADMIN, "test");
        assertEquals(Optional.of("驻中心函〔2026〕31号"), agreed.hallAgreement());
        StaffMember old = registry.member(chief.id()).orElseThrow();
        assertEquals(StaffState.WITHDRAWN, old.state(), "the replaced chief leaves with the approval");
        assertEquals(Optional.of(LocalDate.of(2026, 12, 3)), old.withdrawnOn());
        StaffMember successor = registry.member(replacement.staffId()).orElseThrow();
        assertEquals(StaffState.ACTIVE, successor.state());

        DispatchForm withdrawal = registry.fileWithdrawal(successor.id(), "调回局机关", A17, "test");
        refused("form-pending", () -> registry.fileWithdrawal(successor.id(), "again", A17, "test"));
        refused("two-year-lock", () -> registry.approve(withdrawal.id(), Optional.empty(), SUPERVISOR, "test"));
        clock.advance(Duration.ofDays(731));
        assertEquals(FormState.APPROVED, registry.approve(withdrawal.id(), Optional.empty(), SUPERVISOR, "test").state(),
                "two years after dispatch the unit and the hall need no agreement");
        assertEquals(StaffState.WITHDRAWN, registry.member(successor.id()).orElseThrow().state());
        assertTrue(audited().contains("staff-withdrawal-file/success/dept-a17"), audited().toString());
    }

    @Test
    void windowStaffSignInOnlyAfterAPassedTrainingRecordedByTheHall() {
        WindowTrainingGate gate = new WindowTrainingGate(database, WindowGate.Mode.LINKED);
        gate.check("demo.clerk", 97);
        DispatchForm f = file("li.na", "李娜", Post.WINDOW_STAFF);
        assertEquals("staff-not-dispatched", assertThrows(QueueException.class, () -> gate.check("li.na", 97)).code());
        registry.approve(f.id(), Optional.empty(), ADMIN, "test");
        QueueException before = assertThrows(QueueException.class, () -> gate.check("li.na", 97));
        assertEquals("training-required", before.code());
        assertEquals(QueueException.Reason.CONFLICT, before.reason());

        registry.recordTraining(f.staffId(), "窗口服务规范", LocalDate.of(2026, 12, 2), TrainingResult.FAILED, ADMIN, "test");
        assertEquals("training-required", assertThrows(QueueException.class, () -> gate.check("li.na", 97)).code(),
                "a failed training does not open the window");
        refused("not-hall-staff", () -> registry.recordTraining(f.staffId(), "窗口服务规范", LocalDate.of(2026, 12, 3),
                TrainingResult.PASSED, A17, "test"));
        registry.recordTraining(f.staffId(), "窗口服务规范", LocalDate.of(2026, 12, 3), TrainingResult.PASSED, ADMIN, "test");
        gate.check("li.na", 97);
        assertTrue(registry.member(f.staffId()).orElseThrow().trained());
        assertEquals(2, registry.trainings(f.staffId()).size());
        assertEquals(TrainingResult.PASSED, registry.trainings(f.staffId()).get(0).result(), "newest first");

        assertEquals("no-staff-record", assertThrows(QueueException.class,
                () -> new WindowTrainingGate(database, WindowGate.Mode.STRICT).check("demo.clerk", 97)).code());
        new WindowTrainingGate(database, WindowGate.Mode.STRICT).check("li.na", 97);
    }

    @Test
    void aPhotoIsAJpegOrPngKeptForTheNamePlate() {
        StaffMember m = dispatched("li.na", "李娜", Post.WINDOW_STAFF);
        assertFalse(m.hasPhoto());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertTrue(registry.setPhoto(m.id(), png, A17, "test").hasPhoto());
        assertEquals(List.of(png.length), registry.photo(m.id()).map(b -> b.length).stream().toList());
        assertEquals("photo", refused("invalid-photo", () -> registry.setPhoto(m.id(), "GIF89a".getBytes(), ADMIN, "test")).field());
        refused("out-of-department", () -> registry.setPhoto(m.id(), png, A26, "test"));
    }

    /** The hall's users as the registry asks: rows of hall_user, which the staff records reference. */
    private HallUsers users() {
        for (String name : List.of("li.na", "wang.wei", "zhao.liu", "demo.clerk")) {
            database.withHandle(h -> h.createUpdate("INSERT INTO hall_user (user_name, password_hash, disabled, changed_at)"
                    + " VALUES (:n, 'x', FALSE, :at)").bind("n", name).bind("at", Instant.EPOCH).execute());
        }
        return new HallUsers() {
            @Override
            public List<HallUser> users() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<HallUser> user(String name) {
                return database.withHandle(h -> h.createQuery("SELECT user_name, disabled FROM hall_user WHERE user_name = :n").bind("n", name)
                        .map((rs, ctx) -> new HallUser(rs.getString("user_name"), Set.of(HallRole.CLERK), Optional.empty(),
                                rs.getBoolean("disabled"))).findOne());
            }

            @Override
            public HallUser create(String name, String password, Set<HallRole> roles, Optional<String> department) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HallUser setRoles(String name, Set<HallRole> roles, Optional<String> department) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HallUser resetPassword(String name, String password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public HallUser disable(String name) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static DepartmentDirectory departments() {
        List<Department> all = List.of(
                new Department("A17", "市公安局", "Public Security", UnitKind.DEPARTMENT, EntryMode.STAFF_AND_MATTERS, "police", 10, 10, ""),
                new Department("A26", "市自然资源局", "Natural Resources", UnitKind.DEPARTMENT, EntryMode.MATTERS_ONLY, "real-estate", 5, 5, ""));
        return new DepartmentDirectory() {
            @Override
            public List<Department> departments() {
                return all;
            }

            @Override
            public Optional<Department> department(String id) {
                return all.stream().filter(d -> d.id().equals(id)).findFirst();
            }
        };
    }
}
