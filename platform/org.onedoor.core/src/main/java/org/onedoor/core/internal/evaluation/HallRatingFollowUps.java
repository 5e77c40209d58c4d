package org.onedoor.core.internal.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.FollowUpFigures;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.RatingFollowUps;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.cases.TimeLimits;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The closed loop of bad ratings (R18). A follow-up is opened in the transaction that stores the
 * rating ({@link #openFor}, called by the cases' evaluations); bad ratings stored without one (before
 * this version) are picked up by {@link #openMissed}. Each step is one transaction that locks the
 * follow-up's row, checks {@link FollowUpRules}, writes it and holds its audit event in the
 * {@link AuditOutbox}. The due day is counted in working days of the hall's calendar from the hall
 * day the rating was given; the light is a case time limit's light over those days.
 */
@Component(service = {RatingFollowUps.class, HallRatingFollowUps.class}, configurationPid = "org.onedoor.ratings")
@Designate(ocd = RatingsConfig.class)
public final class HallRatingFollowUps implements RatingFollowUps {

    /** The highest score that is a bad rating: 2 不满意 (1 is 非常不满意). */
    public static final int BAD = 2;

    private final HallDatabase database;
    private final AuditOutbox audit;
    private final WorkingDayCalendar calendar;
    private final HallClock clock;
    private volatile RatingsConfig config;

    @Activate
    public HallRatingFollowUps(@Reference HallDatabase database, @Reference AuditOutbox audit, @Reference WorkingDayCalendar calendar,
            @Reference HallClock clock, RatingsConfig config) {
        this.database = database;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.config = checked(config);
    }

    /** Takes a changed etc/org.onedoor.ratings.cfg without a restart; a wrong one is refused and the last good one kept. */
    @Modified
    void modified(RatingsConfig c) {
        this.config = checked(c);
    }

    private static RatingsConfig checked(RatingsConfig c) {
        if (c.followUpWorkingDays() < 1 || c.followUpWorkingDays() > 30 || c.yellowShare() < 0.5 || c.yellowShare() > 1.0
                || c.changeDays() < 0 || c.changeDays() > 90) {
            throw new IllegalArgumentException("etc/org.onedoor.ratings.cfg: followUpWorkingDays 1..30, yellowShare 0.5..1.0, changeDays 0..90;"
                    + " found " + c.followUpWorkingDays() + ", " + c.yellowShare() + ", " + c.changeDays());
        }
        return c;
    }

    /** @return the days after the first rating within which the citizen may change it */
    public int changeDays() {
        return config.changeDays();
    }

    /** A committed step and its audit events still to be chained. */
    private record Done(RatingFollowUp followUp, AuditOutbox.Held audit) {
    }

    /**
     * Opens the follow-up of one party's bad rating (不满意, 非常不满意) on the handle of the transaction storing
     * the rating, unless that party of the case has one already (a bad rating changed to another bad one,
     * or a good one changed to bad after an earlier bad: one follow-up per case and party).
     *
     * @return the audit event the caller records with its transaction, empty when none was opened
     */
    public Optional<AuditEvent> openFor(Handle h, String caseNumber, String departmentId, RatingParty party, String subject,
            RatingLevel level, String comment, Instant ratedAt) {
        if (!level.bad() || FollowUpStore.exists(h, caseNumber, party.followUpParty())) {
            return Optional.empty();
        }
        return Optional.of(open(h, new FollowUpStore.BadScore(caseNumber, party.followUpParty(), subject, departmentId, level.score(),
                comment, ratedAt)));
    }

    private AuditEvent open(Handle h, FollowUpStore.BadScore b) {
        LocalDate day = LocalDate.ofInstant(b.ratedAt(), clock.zone());
        LocalDate due = calendar.deadline(day, config.followUpWorkingDays()).date();
        long id = FollowUpStore.insert(h, b, b.ratedAt(), due);
        return new AuditEvent("follow-up-open", "hall", "node", target(id), AuditEvent.SUCCESS, b.caseNumber() + " " + b.party()
                + " " + b.subject() + " " + b.score() + " 分 -> " + b.departmentId() + "，应于 " + due + " 前回访整改");
    }

    /**
     * Opens the follow-ups of bad ratings stored without one; run by {@link FollowUpWatch} (public for the cases' tests).
     *
     * @return how many were opened
     */
    public int openMissed() {
        List<FollowUpStore.BadScore> missed = database.withHandle(h -> FollowUpStore.unfollowed(h, 500));
        int opened = 0;
        for (FollowUpStore.BadScore b : missed) {
            AuditOutbox.Held held = database.inTransaction(h -> FollowUpStore.exists(h, b.caseNumber(), b.party())
                    ? new AuditOutbox.Held(List.of(), List.of()) : audit.hold(h, List.of(open(h, b))));
            opened += held.events().size();
            audit.deliver(held);
        }
        return opened;
    }

    @Override
    public RatingFollowUp callBack(long id, boolean justified, String callback, CaseActor actor) {
        return change(id, "follow-up-callback", actor, f -> {
            FollowUpRules.unitStep(f, actor, "回访", FollowUpState.OPEN);
            String text = FollowUpRules.text("callback", callback, 1000);
            return with(f, FollowUpState.CALLED_BACK, Optional.of(justified), text, f.reply(), f.repliedAt(), f.dispute(), f.decision(),
                    f.satisfied(), false, f.closedAt());
        }, (justified ? "属实" : "不属实") + ": " + callback);
    }

    @Override
    public RatingFollowUp reply(long id, String reply, CaseActor actor) {
        return change(id, "follow-up-reply", actor, f -> {
            FollowUpRules.unitStep(f, actor, "答复", FollowUpState.CALLED_BACK);
            String text = FollowUpRules.text("reply", reply, 1000);
            return with(f, FollowUpState.REPLIED, f.justified(), f.callback(), text, Optional.of(clock.now()), f.dispute(), f.decision(),
                    f.satisfied(), false, f.closedAt());
        }, reply);
    }

    @Override
    public RatingFollowUp dispute(long id, String evidence, CaseActor actor) {
        return change(id, "follow-up-dispute", actor, f -> {
            FollowUpRules.unitStep(f, actor, "申诉", FollowUpState.CALLED_BACK);
            FollowUpRules.requireJustified(f, false, "申诉");
            if (!f.dispute().isEmpty()) {
                throw new CaseException(CaseException.Reason.CONFLICT, "already-disputed",
                        "该差评已申诉过一次，大厅未予采纳 (the hall already refused a dispute of this rating)");
            }
            String text = FollowUpRules.text("evidence", evidence, 1000);
            return with(f, FollowUpState.DISPUTED, f.justified(), f.callback(), f.reply(), f.repliedAt(), text, f.decision(),
                    f.satisfied(), false, f.closedAt());
        }, evidence);
    }

    @Override
    public RatingFollowUp decide(long id, boolean upheld, String note, CaseActor actor) {
        return change(id, upheld ? "follow-up-dispute-upheld" : "follow-up-dispute-refused", actor, f -> {
            FollowUpRules.hallStep(f, actor, "裁定申诉", FollowUpState.DISPUTED);
            String text = FollowUpRules.text("note", note, 500);
            if (upheld) {
                return with(f, FollowUpState.CLOSED, f.justified(), f.callback(), f.reply(), f.repliedAt(), f.dispute(), text,
                        f.satisfied(), true, Optional.of(clock.now()));
            }
            return with(f, FollowUpState.CALLED_BACK, f.justified(), f.callback(), f.reply(), f.repliedAt(), f.dispute(), text,
                    f.satisfied(), false, f.closedAt());
        }, note);
    }

    @Override
    public RatingFollowUp close(long id, boolean satisfied, String note, CaseActor actor) {
        return change(id, satisfied ? "follow-up-satisfied" : "follow-up-not-satisfied", actor, f -> {
            FollowUpRules.hallStep(f, actor, "记录群众意见", FollowUpState.REPLIED);
            String text = FollowUpRules.text("note", note == null || note.isBlank() ? (satisfied ? "群众认可整改答复" : "群众不认可整改答复") : note, 500);
            return with(f, FollowUpState.CLOSED, f.justified(), f.callback(), f.reply(), f.repliedAt(), f.dispute(), text,
                    Optional.of(satisfied), false, Optional.of(clock.now()));
        }, note == null ? "" : note);
    }

    /**
     * Marks the follow-ups not replied to by their due day as escalated to the hall; run by {@link FollowUpWatch}
     * (public for the cases' tests).
     *
     * @return the follow-ups escalated now
     */
    public List<RatingFollowUp> escalateLate() {
        LocalDate today = clock.today();
        Instant now = clock.now();
        List<RatingFollowUp> late = database.withHandle(h -> FollowUpStore.lateNotEscalated(h, today));
        List<RatingFollowUp> escalated = new ArrayList<>();
        for (RatingFollowUp f : late) {
            Done done = database.inTransaction(h -> {
                RatingFollowUp locked = FollowUpStore.lock(h, f.id()).orElseThrow();
                if (locked.escalatedAt().isPresent() || locked.state() == FollowUpState.REPLIED || locked.state() == FollowUpState.CLOSED) {
                    return new Done(locked, new AuditOutbox.Held(List.of(), List.of()));
                }
                RatingFollowUp next = new RatingFollowUp(locked.id(), locked.caseNumber(), locked.party(), locked.subject(),
                        locked.departmentId(), locked.score(), locked.comment(), locked.state(), locked.openedAt(), locked.due(),
                        locked.justified(), locked.callback(), locked.reply(), locked.repliedAt(), locked.dispute(), locked.decision(),
                        locked.satisfied(), locked.excluded(), locked.closedAt(), Optional.of(now), TimeLight.RED);
                FollowUpStore.update(h, next);
                return new Done(next, audit.hold(h, List.of(new AuditEvent("follow-up-escalate", "hall", "node", target(locked.id()),
                        AuditEvent.SUCCESS, locked.caseNumber() + " " + locked.party() + "：" + locked.departmentId() + " 未按期回访整改，应于 "
                                + locked.due() + " (" + locked.state() + ")"))));
            });
            audit.deliver(done.audit());
            if (!done.audit().events().isEmpty()) {
                escalated.add(done.followUp());
            }
        }
        return escalated;
    }

    @Override
    public Optional<RatingFollowUp> find(long id) {
        return database.withHandle(h -> FollowUpStore.find(h, id)).map(this::lit);
    }

    @Override
    public List<RatingFollowUp> list(Optional<FollowUpState> state, String departmentId, int limit) {
        if (limit < 1 || limit > 500) {
            throw FollowUpRules.invalid("invalid-limit", "limit", "limit: 1 到 500 (1 to 500)");
        }
        return database.withHandle(h -> FollowUpStore.list(h, state.map(Enum::name).orElse(""),
                departmentId == null ? "" : departmentId, limit)).stream().map(this::lit).toList();
    }

    @Override
    public List<FollowUpFigures> figures(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw FollowUpRules.invalid("invalid-period", "to", "to: 不能早于 from，且最长一年 (not before from, at most a year)");
        }
        Instant start = from.atStartOfDay(clock.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        return database.withHandle(h -> RatingFigures.of(FollowUpStore.finishedBetween(h, start, end), clock.zone(), clock.today()));
    }

    /** @return the follow-up with its light as of today */
    RatingFollowUp lit(RatingFollowUp f) {
        LocalDate opened = LocalDate.ofInstant(f.openedAt(), clock.zone());
        Optional<LocalDate> answered = f.excluded() ? f.closedAt().map(t -> LocalDate.ofInstant(t, clock.zone()))
                : f.repliedAt().map(t -> LocalDate.ofInstant(t, clock.zone()));
        return f.withLight(TimeLimits.light(calendar, config.yellowShare(), opened, config.followUpWorkingDays(), f.due(), clock.today(),
                answered));
    }

    /** One step on a locked follow-up: the rules decide inside the transaction, a refusal rolls it back and is audited. */
    private RatingFollowUp change(long id, String action, CaseActor actor, UnaryOperator<RatingFollowUp> step, String said) {
        try {
            Done done = database.inTransaction(h -> {
                RatingFollowUp f = FollowUpStore.lock(h, id).orElseThrow(() -> new CaseException(CaseException.Reason.NOT_FOUND,
                        "unknown-follow-up", "没有差评回访 " + id + " (no such follow-up)"));
                RatingFollowUp next = step.apply(f);
                FollowUpStore.update(h, next);
                return new Done(next, audit.hold(h, List.of(new AuditEvent(action, actor.user(), actor.origin(), target(id),
                        AuditEvent.SUCCESS, f.caseNumber() + " " + f.party() + " " + f.state() + " -> " + next.state() + " ("
                                + f.departmentId() + ")" + (said.isBlank() ? "" : ": " + CitizenDataMasking.mask(shorten(said.strip())))))));
            });
            audit.deliver(done.audit());
            return lit(done.followUp());
        } catch (CaseException e) {
            AuditOutbox.Held held = database.inTransaction(h -> audit.hold(h, List.of(new AuditEvent(action, actor.user(), actor.origin(),
                    target(id), AuditEvent.REFUSED, e.code() + ": " + CitizenDataMasking.mask(shorten(e.getMessage()))))));
            audit.deliver(held);
            throw e;
        }
    }

    private static RatingFollowUp with(RatingFollowUp f, FollowUpState state, Optional<Boolean> justified, String callback, String reply,
            Optional<Instant> repliedAt, String dispute, String decision, Optional<Boolean> satisfied, boolean excluded,
            Optional<Instant> closedAt) {
        return new RatingFollowUp(f.id(), f.caseNumber(), f.party(), f.subject(), f.departmentId(), f.score(), f.comment(), state,
                f.openedAt(), f.due(), justified, callback, reply, repliedAt, dispute, decision, satisfied, excluded, closedAt,
                f.escalatedAt(), f.light());
    }

    /** @return the audit target of a follow-up */
    static String target(long id) {
        return "follow-up-" + id;
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
