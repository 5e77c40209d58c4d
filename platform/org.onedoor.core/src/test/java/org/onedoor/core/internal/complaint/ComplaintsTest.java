package org.onedoor.core.internal.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintChannel;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.ComplaintRequest;
import org.onedoor.api.cases.ComplaintState;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.hall.EntryMode;
import org.onedoor.api.hall.UnitKind;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.audit.JdbcAuditTrail;
import org.onedoor.core.internal.calendar.CalendarFixtures;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/**
 * Complaints on a real migrated database, the real working-day calendar and the real hash-chained
 * audit trail: every channel, the steps to closure, deadlines, escalation, refusals and R5's count.
 */
class ComplaintsTest {

    /** Friday 2026-11-27, 10:00 in the hall. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T02:00:00Z"));
    private final DataSource ds = TestStore.migrated();
    private final HallDatabase database = new HallDatabase(ds);
    private final JdbcAuditTrail chain = new JdbcAuditTrail(new org.onedoor.store.HallDatabase(ds), org.onedoor.api.hall.HallClock.of(java.time.Clock.systemUTC()));
    private volatile boolean trailDown;
    private final AuditTrail trail = new AuditTrail() {
        @Override
        public AuditRecord record(AuditEvent event) {
            if (trailDown) {
                throw new IllegalStateException("audit trail unavailable");
            }
            return chain.record(event);
        }

        @Override
        public List<AuditRecord> recent(String action, String actor, int limit) {
            return chain.recent(action, actor, limit);
        }

        @Override
        public AuditVerification verify() {
            return chain.verify();
        }
    };
    private final AuditOutbox outbox = new AuditOutbox(database, trail, clock.hall());
    private final HallComplaints complaints = new HallComplaints(database, outbox, CalendarFixtures.calendarOn(ds), departments(),
            cases("BJ-20261127-0001"), clock.hall(), config(1, 5, 2));

    private static final CaseActor CLERK = actor("clerk1", "window:97", Optional.empty(), "clerk");
    private static final CaseActor SUPERVISOR = actor("super1", "10.0.0.5", Optional.empty(), "supervisor");
    private static final CaseActor A17 = actor("dept-a17", "10.0.0.6", Optional.of("A17"), "department");
    private static final CaseActor A26 = actor("dept-a26", "10.0.0.7", Optional.of("A26"), "department");

    private static CaseActor actor(String user, String origin, Optional<String> department, String... roles) {
        return new CaseActor(new HallPrincipal(user, Set.of(roles), department), origin);
    }

    private static ComplaintRequest request(ComplaintChannel channel, String department, String text) {
        return new ComplaintRequest(channel, ComplaintKind.SLOW, "王小红", "13812345678", department, "", 0, text);
    }

    private Complaint fromPage(String department) {
        return complaints.file(request(ComplaintChannel.CITIZEN_PAGE, department, "等了三周还没有结果"), Optional.empty(), "10.1.2.3");
    }

    private List<String> audited() {
        return chain.recent(null, null, 100).stream().map(r -> r.event().action() + "/" + r.event().outcome() + "/" + r.event().target())
                .collect(Collectors.toList());
    }

    private static CaseException refused(String code, Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void aCitizensComplaintAgainstAUnitIsAssignedAtOnceDueInFiveWorkingDaysAndChained() {
        Complaint c = fromPage("a17");

        assertEquals("TS-20261127-0001", c.number());
        assertEquals(ComplaintState.ASSIGNED, c.state());
        assertEquals("A17", c.departmentId());
        assertEquals("citizen", c.receivedBy());
        assertEquals(LocalDate.of(2026, 12, 4), c.replyDue(), "Friday + 5 working days is the next Friday");
        assertEquals("王**", c.maskedComplainant());
        assertEquals("138****5678", c.maskedPhone());
        assertEquals(Optional.of(c), complaints.find(c.number()));
        assertTrue(audited().contains("complaint-file/success/TS-20261127-0001"), audited().toString());
        AuditRecord filed = chain.recent("complaint-file", null, 1).get(0);
        assertFalse(filed.event().detail().contains("13812345678"), filed.event().detail());
        assertEquals(0, pending(), "the chained event is not left pending");
        assertTrue(chain.verify().intact());
        assertEquals("TS-20261127-0002", fromPage("").number(), "numbers run gap-free per hall day");
        clock.advance(Duration.ofDays(1));
        assertEquals("TS-20261128-0001", fromPage("").number(), "and start again the next day");
    }

    @Test
    void aDeskComplaintGoesFromTheHallToTheUnitAndBackUntilItIsClosed() {
        Complaint c = complaints.file(request(ComplaintChannel.DESK, "", "窗口让我跑了三次"), Optional.of(CLERK), "");
        assertEquals(ComplaintState.RECEIVED, c.state());
        assertEquals("clerk1", c.receivedBy());
        assertEquals(LocalDate.of(2026, 11, 30), c.replyDue(), "the hall assigns within one working day: Monday");

        Complaint assigned = complaints.assign(c.number(), "A17", SUPERVISOR);
        assertEquals(ComplaintState.ASSIGNED, assigned.state());
        assertEquals(LocalDate.of(2026, 12, 4), assigned.replyDue());

        refused("not-your-complaint", () -> complaints.reply(c.number(), "不是我们的", A26));
        refused("not-hall-staff", () -> complaints.assign(c.number(), "A26", A17));
        Complaint replied = complaints.reply(c.number(), "已核实，对窗口人员批评教育", A17);
        assertEquals(ComplaintState.REPLIED, replied.state());
        assertEquals(1, replied.rounds());
        refused("too-early-to-close", () -> complaints.close(c.number(), "投诉人联系不上", SUPERVISOR));

        clock.advance(Duration.ofDays(3));
        Complaint again = complaints.respond(c.number(), false, "投诉人不认可，要求说明处理结果", SUPERVISOR);
        assertEquals(ComplaintState.ASSIGNED, again.state());
        assertEquals(Optional.of(false), again.accepted());
        assertEquals(LocalDate.of(2026, 12, 7), again.replyDue(), "a new reply is due five working days from Monday");
        complaints.reply(c.number(), "已当面向投诉人致歉并说明", A17);
        Complaint closed = complaints.close(c.number(), "已答复两次，投诉人仍不认可，大厅核实处理得当", SUPERVISOR);
        assertEquals(ComplaintState.CLOSED, closed.state());
        assertEquals(2, closed.rounds());
        assertTrue(closed.closedAt().isPresent());
        refused("illegal-transition", () -> complaints.reply(c.number(), "再答复", A17));

        assertEquals(List.of("file", "assign", "reply", "not-accepted", "reply", "close"),
                complaints.history(c.number()).stream().map(ComplaintStore.Step::action).toList());
        List<String> audit = audited();
        assertTrue(audit.contains("complaint-reply/refused/" + c.number()), audit.toString());
        assertTrue(audit.contains("complaint-close/success/" + c.number()), audit.toString());
        assertTrue(chain.verify().intact());
    }

    @Test
    void anAcceptedReplyClosesTheComplaint() {
        Complaint c = fromPage("A17");
        complaints.reply(c.number(), "已加急办理，结果已可领取", A17);
        Complaint closed = complaints.respond(c.number(), true, "", SUPERVISOR);
        assertEquals(ComplaintState.CLOSED, closed.state());
        assertEquals(Optional.of(true), closed.accepted());
        assertEquals("投诉人认可答复", closed.closing());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        assertEquals("phone", refused("invalid-phone", () -> complaints.file(new ComplaintRequest(ComplaintChannel.KIOSK,
                ComplaintKind.OTHER, "李四", "12345", "", "", 0, "空调太冷"), Optional.empty(), "10.1.2.3")).field());
        CaseException tooLong = refused("invalid-text", () -> complaints.file(request(ComplaintChannel.KIOSK, "", "长".repeat(1001)),
                Optional.empty(), "10.1.2.3"));
        assertEquals("text", tooLong.field());
        refused("missing-complainant", () -> complaints.file(new ComplaintRequest(ComplaintChannel.KIOSK, ComplaintKind.OTHER, "  ",
                "13812345678", "", "", 0, "空调太冷"), Optional.empty(), "10.1.2.3"));
        refused("invalid-text", () -> complaints.file(request(ComplaintChannel.KIOSK, "", "坏\uD800字"), Optional.empty(), "x"));
        refused("unknown-department", () -> complaints.file(request(ComplaintChannel.KIOSK, "Z99", "无此单位"), Optional.empty(), "x"));
        refused("unknown-case", () -> complaints.file(new ComplaintRequest(ComplaintChannel.KIOSK, ComplaintKind.SLOW, "李四",
                "0396-1234567", "", "BJ-20261127-0099", 0, "办件太慢"), Optional.empty(), "x"));
        refused("staff-channel", () -> complaints.file(request(ComplaintChannel.PHONE, "", "电话投诉"), Optional.empty(), "x"));
        refused("not-complaint-staff", () -> complaints.file(request(ComplaintChannel.DESK, "", "窗口投诉"),
                Optional.of(A17), "x"));
        refused("unknown-complaint", () -> complaints.assign("TS-20261127-0042", "A17", SUPERVISOR));
        assertEquals(List.of(), complaints.list(Optional.empty(), "", 500));
        assertTrue(audited().contains("complaint-file/refused/"), audited().toString());

        Complaint withCase = complaints.file(new ComplaintRequest(ComplaintChannel.KIOSK, ComplaintKind.SLOW, "李四", "0396-1234567",
                "A17", "bj-20261127-0001", 17, "办件太慢"), Optional.empty(), "x");
        assertEquals("BJ-20261127-0001", withCase.caseNumber());
        assertEquals(17, withCase.window());
    }

    @Test
    void aLateReplyIsEscalatedOnceAndAnsweringKeepsTheMark() {
        Complaint c = fromPage("A17");
        clock.set(Instant.parse("2026-12-04T09:00:00Z"));
        assertEquals(List.of(), complaints.escalateLate(), "due today is not late yet");
        clock.set(Instant.parse("2026-12-05T02:00:00Z"));
        assertEquals(List.of(c.number()), complaints.escalateLate().stream().map(Complaint::number).toList());
        assertTrue(complaints.find(c.number()).orElseThrow().escalatedAt().isPresent());
        assertEquals(List.of(), complaints.escalateLate(), "escalated once");
        assertTrue(audited().contains("complaint-escalate/success/" + c.number()), audited().toString());
        Complaint replied = complaints.reply(c.number(), "迟复致歉", A17);
        assertTrue(replied.escalatedAt().isPresent(), "the reply was late and stays so");
    }

    @Test
    void slownessComplaintsOfAUnitAreCountedPerMonthForR5() {
        fromPage("A17");
        fromPage("A17");
        fromPage("A26");
        complaints.file(new ComplaintRequest(ComplaintChannel.KIOSK, ComplaintKind.ATTITUDE, "李四", "13912345678", "A17", "", 0,
                "态度不好"), Optional.empty(), "x");
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        fromPage("A17");
        assertEquals(2, complaints.slownessComplaints("A17", YearMonth.of(2026, 11)));
        assertEquals(1, complaints.slownessComplaints("A17", YearMonth.of(2026, 12)));
        assertEquals(1, complaints.slownessComplaints("A26", YearMonth.of(2026, 11)));
        assertEquals(4, complaints.list(Optional.of(ComplaintState.ASSIGNED), "A17", 10).size(), "list filters by state and unit");
        assertEquals(1, complaints.list(Optional.of(ComplaintState.ASSIGNED), "A26", 10).size());
        assertEquals(0, complaints.list(Optional.of(ComplaintState.CLOSED), "", 10).size());
    }

    @Test
    void anAuditEventTheTrailCouldNotTakeIsKeptAndSweptLater() {
        trailDown = true;
        Complaint c = fromPage("A17");
        assertEquals(1, pending());
        trailDown = false;
        assertEquals(0, outbox.sweep(), "within the grace its own caller may still deliver it");
        clock.advance(AuditOutbox.GRACE.plusSeconds(1));
        assertEquals(1, outbox.sweep());
        assertEquals(0, pending());
        assertTrue(audited().contains("complaint-file/success/" + c.number()), audited().toString());
    }

    private int pending() {
        return database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_pending").mapTo(Integer.class).one());
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

    /** The case service as far as complaints use it: which case numbers exist. */
    private static HallCases cases(String... existing) {
        return (HallCases) Proxy.newProxyInstance(HallCases.class.getClassLoader(), new Class<?>[] {HallCases.class}, (p, m, args) -> {
            if (m.getName().equals("find")) {
                return List.of(existing).contains(args[0]) ? Optional.of(Boolean.TRUE) : Optional.empty();
            }
            throw new UnsupportedOperationException("complaints only ask whether a case exists: " + m.getName());
        });
    }

    static ComplaintsConfig config(int assign, int reply, int rounds) {
        return new ComplaintsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ComplaintsConfig.class;
            }

            @Override
            public int assignWorkingDays() {
                return assign;
            }

            @Override
            public int replyWorkingDays() {
                return reply;
            }

            @Override
            public int roundsBeforeClosing() {
                return rounds;
            }
        };
    }
}
