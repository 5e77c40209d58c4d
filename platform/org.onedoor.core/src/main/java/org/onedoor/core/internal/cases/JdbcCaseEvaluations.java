package org.onedoor.core.internal.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.EvaluationRequest;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingReason;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.Rating;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.cases.RatingSummary;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.evaluation.EvaluationRules;
import org.onedoor.core.internal.evaluation.HallRatingFollowUps;
import org.onedoor.core.internal.evaluation.RatingReasons;
import org.onedoor.core.internal.text.FieldText;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The applicant's good/bad rating (R18, 政务服务"好差评"): one rating per finished case and party (the
 * front window clerk, the back-office approver) at one of the five {@link RatingLevel}s with reasons
 * and words, changeable within the configured days; each version is stored in the case's history and
 * audited in the same transaction, and a bad level (不满意, 非常不满意) opens its follow-up there too
 * ({@link HallRatingFollowUps}).
 */
@Component(service = CaseEvaluations.class)
public final class JdbcCaseEvaluations implements CaseEvaluations {

    private final CaseStore store;
    private final HallCases cases;
    private final AuditTrail audit;
    private final CaseEventHub hub;
    private final HallRatingFollowUps followUps;

    @Activate
    public JdbcCaseEvaluations(@Reference HallDatabase database, @Reference AuditOutbox outbox, @Reference HallCases cases,
            @Reference AuditTrail audit, @Reference CaseEventHub hub, @Reference HallRatingFollowUps followUps) {
        this(database, outbox, cases, audit, hub, followUps, Clock.systemUTC());
    }

    JdbcCaseEvaluations(HallDatabase database, AuditOutbox outbox, HallCases cases, AuditTrail audit, CaseEventHub hub,
            HallRatingFollowUps followUps, Clock clock) {
        this.store = new CaseStore(database, outbox, clock);
        this.cases = cases;
        this.audit = audit;
        this.hub = hub;
        this.followUps = followUps;
    }

    /** One party's rating as asked, before it is checked. */
    private record Part(RatingParty party, RatingLevel level, List<String> reasons, String comment, boolean scoreOnly) {
    }

    /** One party's rating checked against the case and the rules. */
    private record Checked(RatingParty party, String subject, RatingLevel level, List<String> reasons, String comment) {
    }

    @Override
    public Rating rate(String number, String checkCode, int clerkScore, int approverScore, String comment) {
        HallCase h = finished(number, checkCode);
        RatingLevel clerk = RatingLevel.ofScore(clerkScore).orElseThrow(() -> invalidScore("clerkScore"));
        RatingLevel approver = RatingLevel.ofScore(approverScore).orElseThrow(() -> invalidScore("approverScore"));
        List<Evaluation> done = store(h, List.of(new Part(RatingParty.FRONT, clerk, List.of(), comment, true),
                new Part(RatingParty.BACK, approver, List.of(), comment, true)), RatingChannel.CITIZEN_PAGE, null);
        Evaluation front = done.get(0);
        Evaluation back = done.get(1);
        return new Rating(h.number(), h.departmentId(), front.subject(), back.subject(), front.level().score(), back.level().score(),
                front.comment(), front.changedAt().isAfter(back.changedAt()) ? front.changedAt() : back.changedAt());
    }

    private static CaseException invalidScore(String field) {
        return FieldText.invalid("invalid-score", field, field + ": 评分为1（非常不满意）至5（非常满意） (a score from 1 to 5)");
    }

    @Override
    public Evaluation evaluate(EvaluationRequest r) {
        HallCase h = finished(r.caseNumber(), r.checkCode());
        return store(h, List.of(new Part(r.party(), r.level(), r.reasons(), r.comment(), false)), r.channel(), null).get(0);
    }

    /**
     * Rates one party of a finished case found by its number, not by its check code: the caller proved the
     * case otherwise (the window's rating prompt). {@code first} runs in the rating's transaction before it
     * (it may refuse, and then nothing is stored).
     */
    Evaluation evaluateProven(HallCase h, RatingParty party, RatingLevel level, List<String> reasons, String comment,
            RatingChannel channel, CaseStore.Work<Void> first) {
        requireFinished(h);
        return store(h, List.of(new Part(party, level, reasons, comment, false)), channel, first).get(0);
    }

    @Override
    public List<Evaluation> evaluations(String number, String checkCode) {
        HallCase h = cases.lookup(number, checkCode).orElseThrow(JdbcCaseEvaluations::unknownCase);
        int days = followUps.changeDays();
        return store.read((db, tx) -> EvaluationRows.current(db, h.number(), days));
    }

    @Override
    public List<Evaluation> history(String number) {
        int days = followUps.changeDays();
        return store.read((db, tx) -> EvaluationRows.history(db, number, days));
    }

    @Override
    public List<RatingReason> reasons() {
        return RatingReasons.ALL;
    }

    @Override
    public int changeDays() {
        return followUps.changeDays();
    }

    private HallCase finished(String number, String checkCode) {
        HallCase h = cases.lookup(number, checkCode).orElseThrow(JdbcCaseEvaluations::unknownCase);
        requireFinished(h);
        return h;
    }

    /** Refuses a case not yet delivered or closed: CONFLICT {@code not-finished}. */
    static void requireFinished(HallCase h) {
        if (h.state() != CaseState.DELIVERED && h.state() != CaseState.CLOSED) {
            throw CaseStore.conflict("not-finished", "办件 " + h.number() + " 尚未办结送达，办结后才能评价 (the case is not finished yet)");
        }
    }

    private static CaseException unknownCase() {
        return CaseStore.notFound("unknown-case", "办件编号或查询码不正确 (no case with that number and check code)");
    }

    /** Stores the parts' ratings in one transaction; a change refused after its period is audited as refused. */
    private List<Evaluation> store(HallCase h, List<Part> parts, RatingChannel channel, CaseStore.Work<Void> first) {
        List<Checked> checked = new ArrayList<>();
        for (Part p : parts) {
            String subject = p.party() == RatingParty.FRONT ? h.acceptedBy() : h.decidedBy();
            if (subject == null || subject.isBlank()) {
                throw CaseStore.conflict(p.party() == RatingParty.FRONT ? "no-clerk" : "no-approver", "办件 " + h.number() + " 没有"
                        + p.party().chinese() + "可评价 (nobody to rate as the " + p.party().english() + ")");
            }
            String comment = EvaluationRules.comment(p.comment());
            checked.add(new Checked(p.party(), subject, p.level(), EvaluationRules.reasons(p.level(), p.reasons(), comment, !p.scoreOnly()), comment));
        }
        int changeDays = followUps.changeDays();
        String citizen = citizen(h);
        CaseStore.Done<List<Evaluation>> done;
        try {
            done = store.write((db, tx) -> {
                if (first != null) {
                    first.run(db, tx);
                }
                List<Evaluation> out = new ArrayList<>();
                boolean changed = false;
                for (Checked p : checked) {
                    Evaluation before = EvaluationRows.lock(db, h.number(), p.party(), changeDays).orElse(null);
                    Evaluation e = one(tx, h, before, p, channel, citizen, changeDays);
                    changed |= e != before;
                    out.add(e);
                }
                if (changed) {
                    tx.event("RATED", h.number(), h.bundleNumber(), h.departmentId(), h.state().name(), 0);
                }
                return out;
            });
        } catch (CaseException e) {
            if ("change-period-over".equals(e.code())) {
                store.recordAudit(store.write((db, tx) -> {
                    tx.audit(new AuditEvent("case-rate-change", "citizen", channel.name(), h.number(), AuditEvent.REFUSED, e.code() + ": "
                            + e.getMessage()));
                    return null;
                }));
            }
            throw e;
        }
        store.recordAudit(done);
        hub.publish(done.events());
        return done.result();
    }

    /** @return the party's rating after this one: {@code before} itself for an identical repeat */
    private Evaluation one(CaseStore.Tx tx, HallCase h, Evaluation before, Checked p, RatingChannel channel, String citizen,
            int changeDays) {
        Evaluation next;
        if (before == null) {
            next = new Evaluation(h.number(), h.departmentId(), p.party(), p.subject(), p.level(), p.reasons(), p.comment(), channel,
                    citizen, tx.at(), tx.at(), 1, EvaluationRules.changeableUntil(tx.at(), changeDays));
            EvaluationRows.insert(tx.handle(), next);
            tx.audit(new AuditEvent("case-rate", "citizen", channel.name(), h.number(), AuditEvent.SUCCESS, describe(next)));
        } else {
            if (before.level() == p.level() && before.reasons().equals(p.reasons()) && before.comment().equals(p.comment())) {
                return before;
            }
            EvaluationRules.requireChangeable(before.ratedAt(), changeDays, tx.at());
            next = new Evaluation(h.number(), before.departmentId(), p.party(), before.subject(), p.level(), p.reasons(), p.comment(),
                    channel, before.citizen(), before.ratedAt(), tx.at(), before.revision() + 1, before.changeableUntil());
            EvaluationRows.update(tx.handle(), next);
            tx.audit(new AuditEvent("case-rate-change", "citizen", channel.name(), h.number(), AuditEvent.SUCCESS, "第 " + next.revision()
                    + " 版，由 " + before.level().chinese() + "（" + before.level().score() + "）改为 " + describe(next)));
        }
        EvaluationRows.version(tx.handle(), next);
        followUps.openFor(tx.handle(), h.number(), next.departmentId(), next.party(), next.subject(), next.level(), next.comment(),
                tx.at()).ifPresent(tx::audit);
        return next;
    }

    private static String describe(Evaluation e) {
        String comment = e.comment().length() > 200 ? e.comment().substring(0, 200) + "…" : e.comment();
        return e.party().name() + " " + e.party().chinese() + " " + e.subject() + "：" + e.level().chinese() + "（" + e.level().score() + "）"
                + (e.reasons().isEmpty() ? "" : " 原因 " + String.join(",", e.reasons())) + "，渠道 " + e.channel().name() + "，评价人 "
                + e.citizen() + (comment.isEmpty() ? "" : "：" + comment);
    }

    /** @return the applicant as stored with a rating: the name's first character and the masked id number */
    static String citizen(HallCase h) {
        String name = h.applicantName() == null ? "" : h.applicantName().strip();
        String masked = name.isEmpty() ? "" : name.substring(0, name.offsetByCodePoints(0, 1))
                + "*".repeat(Math.max(0, name.codePointCount(0, name.length()) - 1));
        return (masked + " " + h.applicantIdMasked()).strip();
    }

    @Override
    public RatingReport report() {
        return store.read((db, tx) -> new RatingReport(summary(db, Summary.BY_CLERK), summary(db, Summary.BY_APPROVER),
                summary(db, Summary.BY_DEPARTMENT)));
    }

    /**
     * The fixed rating summaries over the current ratings: who is rated, the average score and how many bad
     * ratings (2 or less); a department's figures count its rated cases, each by the average of its parties.
     */
    private enum Summary {
        BY_CLERK("SELECT subject AS who, COUNT(*) AS ratings, AVG(score * 1.0) AS average, "
                + "SUM(CASE WHEN score <= 2 THEN 1 ELSE 0 END) AS bad FROM case_evaluation WHERE party = 'FRONT' GROUP BY subject ORDER BY subject"),
        BY_APPROVER("SELECT subject AS who, COUNT(*) AS ratings, AVG(score * 1.0) AS average, "
                + "SUM(CASE WHEN score <= 2 THEN 1 ELSE 0 END) AS bad FROM case_evaluation WHERE party = 'BACK' GROUP BY subject ORDER BY subject"),
        BY_DEPARTMENT("SELECT department_id AS who, COUNT(*) AS ratings, AVG(average) AS average, "
                + "SUM(CASE WHEN lowest <= 2 THEN 1 ELSE 0 END) AS bad FROM (SELECT department_id, case_no, AVG(score * 1.0) AS average, "
                + "MIN(score) AS lowest FROM case_evaluation GROUP BY department_id, case_no) per_case "
                + "GROUP BY department_id ORDER BY department_id");

        private final String sql;

        Summary(String sql) {
            this.sql = sql;
        }
    }

    /** A row of a {@link Summary}: who, how many ratings, the average score (to two places) and how many bad ones. */
    private static final RowMapper<RatingSummary> SUMMARY_ROW = (rs, ctx) -> new RatingSummary(rs.getString("who"), rs.getInt("ratings"),
            Math.round(rs.getDouble("average") * 100) / 100.0, rs.getInt("bad"));

    private static List<RatingSummary> summary(Handle h, Summary summary) {
        return h.createQuery(summary.sql).map(SUMMARY_ROW).list();
    }
}
