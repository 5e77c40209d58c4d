package org.onedoor.core.internal.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.ComplaintRequest;
import org.onedoor.api.cases.ComplaintState;
import org.onedoor.api.cases.Complaints;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The hall's complaints (R20): each step is one transaction that locks the complaint's row,
 * checks the rules ({@link ComplaintRules}), writes the complaint, its history step and its audit
 * event ({@link AuditOutbox}); the audit event reaches the hash chain after the commit. Deadlines
 * are counted in working days of the hall's calendar from the hall day of the step.
 */
@Component(service = {Complaints.class, HallComplaints.class}, configurationPid = "org.onedoor.complaints")
@Designate(ocd = ComplaintsConfig.class)
public final class HallComplaints implements Complaints {

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final WorkingDayCalendar calendar;
    private final DepartmentDirectory departments;
    private final HallCases cases;
    private final HallClock clock;
    private final ComplaintsConfig config;
    private final ComplaintRules rules;

    @Activate
    public HallComplaints(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference WorkingDayCalendar calendar,
            @Reference DepartmentDirectory departments, @Reference HallCases cases, @Reference HallClock clock, ComplaintsConfig config) {
        this.database = database;
        this.audit = audit;
        this.calendar = calendar;
        this.departments = departments;
        this.cases = cases;
        this.clock = clock;
        this.config = checked(config);
        this.rules = new ComplaintRules(config.roundsBeforeClosing());
    }

    private static ComplaintsConfig checked(ComplaintsConfig c) {
        if (c.assignWorkingDays() < 1 || c.assignWorkingDays() > 10 || c.replyWorkingDays() < 1 || c.replyWorkingDays() > 30
                || c.roundsBeforeClosing() < 1 || c.roundsBeforeClosing() > 10) {
            throw new IllegalArgumentException("etc/org.onedoor.complaints.cfg: assignWorkingDays 1..10, replyWorkingDays 1..30,"
                    + " roundsBeforeClosing 1..10; found " + c.assignWorkingDays() + ", " + c.replyWorkingDays() + ", " + c.roundsBeforeClosing());
        }
        return c;
    }

    /** A committed step and its audit events still to be chained. */
    private record Done(Complaint complaint, AuditOutbox.Held audit) {
    }

    @Override
    public Complaint file(ComplaintRequest request, Optional<CaseActor> staff, String origin) {
        String actor = staff.map(CaseActor::user).orElse("citizen");
        String from = staff.map(CaseActor::origin).orElse(origin);
        ComplaintRequest r;
        try {
            r = rules.checked(request, staff.isPresent(), staff.map(s -> s.holdsAny(ComplaintRules.INTAKE)).orElse(false));
            if (!r.departmentId().isEmpty() && departments.department(r.departmentId()).isEmpty()) {
                throw ComplaintRules.invalid("unknown-department", "departmentId", "departmentId: 没有单位 " + r.departmentId() + " (no such unit)");
            }
            if (!r.caseNumber().isEmpty() && cases.find(r.caseNumber()).isEmpty()) {
                throw ComplaintRules.invalid("unknown-case", "caseNumber", "caseNumber: 没有办件 " + r.caseNumber() + " (no such case)");
            }
        } catch (CaseException e) {
            refused("complaint-file", actor, from, "", e);
            throw e;
        }
        Instant now = clock.now();
        LocalDate day = LocalDate.ofInstant(now, clock.zone());
        boolean assigned = !r.departmentId().isEmpty();
        LocalDate due = calendar.deadline(day, assigned ? config.replyWorkingDays() : config.assignWorkingDays()).date();
        Done done = database.inTransaction(h -> {
            String number = ComplaintStore.nextNumber(h, day);
            Complaint c = new Complaint(number, r.channel(), r.kind(), assigned ? ComplaintState.ASSIGNED : ComplaintState.RECEIVED,
                    r.complainant(), r.phone(), r.departmentId(), r.caseNumber(), r.window(), r.text(), now, actor, due, "", 0,
                    Optional.empty(), Optional.empty(), "", Optional.empty());
            ComplaintStore.insert(h, c);
            ComplaintStore.step(h, number, "file", actor, c.state(), r.channel().name(), now);
            return new Done(c, audit.hold(h, new AuditEvent("complaint-file", actor, from, number, AuditEvent.SUCCESS,
                    r.channel().name() + " " + r.kind().name() + (assigned ? " -> " + r.departmentId() : "") + ": "
                            + CitizenDataMasking.mask(shorten(r.text())))));
        });
        audit.deliver(done.audit());
        return done.complaint();
    }

    @Override
    public Complaint assign(String number, String departmentId, CaseActor actor) {
        String dept = departmentId == null ? "" : departmentId.strip().toUpperCase(java.util.Locale.ROOT);
        return change(number, "complaint-assign", actor, dept, c -> {
            rules.mayAssign(c, actor);
            if (departments.department(dept).isEmpty()) {
                throw ComplaintRules.invalid("unknown-department", "departmentId", "departmentId: 没有单位 " + dept + " (no such unit)");
            }
            return with(c, ComplaintState.ASSIGNED, dept, dueFromToday(config.replyWorkingDays()), c.reply(), c.rounds(),
                    c.accepted(), c.closedAt(), c.closing());
        });
    }

    @Override
    public Complaint reply(String number, String reply, CaseActor actor) {
        return change(number, "complaint-reply", actor, "", c -> {
            rules.mayReply(c, actor);
            String text = ComplaintRules.text("reply", reply, 1000);
            return with(c, ComplaintState.REPLIED, c.departmentId(), c.replyDue(), text, c.rounds() + 1, Optional.empty(),
                    c.closedAt(), c.closing());
        });
    }

    @Override
    public Complaint respond(String number, boolean accepted, String note, CaseActor actor) {
        return change(number, accepted ? "complaint-accepted" : "complaint-not-accepted", actor, note, c -> {
            rules.mayRecordResponse(c, actor);
            if (accepted) {
                return with(c, ComplaintState.CLOSED, c.departmentId(), c.replyDue(), c.reply(), c.rounds(), Optional.of(true),
                        Optional.of(clock.now()), note == null ? "" : ComplaintRules.text("note", note.isBlank() ? "投诉人认可答复" : note, 500));
            }
            return with(c, ComplaintState.ASSIGNED, c.departmentId(), dueFromToday(config.replyWorkingDays()), c.reply(), c.rounds(),
                    Optional.of(false), c.closedAt(), c.closing());
        });
    }

    @Override
    public Complaint close(String number, String reason, CaseActor actor) {
        return change(number, "complaint-close", actor, reason, c -> {
            rules.mayClose(c, actor);
            String why = ComplaintRules.text("reason", reason, 500);
            return with(c, ComplaintState.CLOSED, c.departmentId(), c.replyDue(), c.reply(), c.rounds(), c.accepted(),
                    Optional.of(clock.now()), why);
        });
    }

    /** Marks open complaints whose due day has passed as escalated to the hall; run by {@link ComplaintEscalation}. */
    List<Complaint> escalateLate() {
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<Complaint> late = database.withHandle(h -> ComplaintStore.lateNotEscalated(h, today));
        for (Complaint c : late) {
            Done done = database.inTransaction(h -> {
                Complaint locked = ComplaintStore.lock(h, c.number()).orElseThrow();
                if (locked.escalatedAt().isPresent() || locked.state() == ComplaintState.REPLIED || locked.state() == ComplaintState.CLOSED) {
                    return new Done(locked, new AuditOutbox.Held(List.of(), List.of()));
                }
                Complaint next = new Complaint(locked.number(), locked.channel(), locked.kind(), locked.state(), locked.complainant(),
                        locked.phone(), locked.departmentId(), locked.caseNumber(), locked.window(), locked.text(), locked.receivedAt(),
                        locked.receivedBy(), locked.replyDue(), locked.reply(), locked.rounds(), locked.accepted(), locked.closedAt(),
                        locked.closing(), Optional.of(now));
                ComplaintStore.update(h, next);
                String note = (locked.state() == ComplaintState.RECEIVED ? "未按期分派" : "单位未按期答复") + "，应于 " + locked.replyDue();
                ComplaintStore.step(h, locked.number(), "escalate", "hall", locked.state(), note, now);
                return new Done(next, audit.hold(h, new AuditEvent("complaint-escalate", "hall", "node", locked.number(),
                        AuditEvent.SUCCESS, note + (locked.departmentId().isEmpty() ? "" : " (" + locked.departmentId() + ")"))));
            });
            audit.deliver(done.audit());
        }
        return late;
    }

    @Override
    public Optional<Complaint> find(String number) {
        return database.withHandle(h -> ComplaintStore.find(h, number));
    }

    @Override
    public List<Complaint> list(Optional<ComplaintState> state, String departmentId, int limit) {
        if (limit < 1 || limit > 500) {
            throw ComplaintRules.invalid("invalid-limit", "limit", "limit: 1 到 500 (1 to 500)");
        }
        return database.withHandle(h -> ComplaintStore.list(h, state.map(Enum::name).orElse(""),
                departmentId == null ? "" : departmentId, limit));
    }

    /** @return the complaint's steps, oldest first */
    List<ComplaintStore.Step> history(String number) {
        return database.withHandle(h -> ComplaintStore.history(h, number));
    }

    @Override
    public int slownessComplaints(String departmentId, YearMonth month) {
        ZoneId zone = clock.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return database.withHandle(h -> ComplaintStore.count(h, departmentId, ComplaintKind.SLOW, from, to));
    }

    /** One step on a locked complaint: the rules decide inside the transaction, a refusal rolls it back and is audited. */
    private Complaint change(String number, String action, CaseActor actor, String note, UnaryOperator<Complaint> step) {
        Instant now = clock.now();
        try {
            Done done = database.inTransaction(h -> {
                Complaint c = ComplaintStore.lock(h, number).orElseThrow(() -> new CaseException(CaseException.Reason.NOT_FOUND,
                        "unknown-complaint", "没有投诉 " + number + " (no such complaint)"));
                Complaint next = step.apply(c);
                ComplaintStore.update(h, next);
                String said = note == null ? "" : shorten(note);
                ComplaintStore.step(h, number, action.substring("complaint-".length()), actor.user(), next.state(), said, now);
                return new Done(next, audit.hold(h, new AuditEvent(action, actor.user(), actor.origin(), number, AuditEvent.SUCCESS,
                        c.state() + " -> " + next.state() + (next.departmentId().isEmpty() ? "" : " (" + next.departmentId() + ")")
                                + (said.isEmpty() ? "" : ": " + CitizenDataMasking.mask(said)))));
            });
            audit.deliver(done.audit());
            return done.complaint();
        } catch (CaseException e) {
            refused(action, actor.user(), actor.origin(), number, e);
            throw e;
        }
    }

    private void refused(String action, String actor, String origin, String target, CaseException e) {
        AuditOutbox.Held held = database.inTransaction(h -> audit.hold(h, new AuditEvent(action, actor, origin, target,
                AuditEvent.REFUSED, e.code() + ": " + CitizenDataMasking.mask(shorten(e.getMessage())))));
        audit.deliver(held);
    }

    private LocalDate dueFromToday(int workingDays) {
        return calendar.deadline(clock.today(), workingDays).date();
    }

    private static Complaint with(Complaint c, ComplaintState state, String department, LocalDate due, String reply, int rounds,
            Optional<Boolean> accepted, Optional<Instant> closedAt, String closing) {
        return new Complaint(c.number(), c.channel(), c.kind(), state, c.complainant(), c.phone(), department, c.caseNumber(),
                c.window(), c.text(), c.receivedAt(), c.receivedBy(), due, reply, rounds, accepted, closedAt, closing,
                state == ComplaintState.ASSIGNED && !due.equals(c.replyDue()) ? Optional.empty() : c.escalatedAt());
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
