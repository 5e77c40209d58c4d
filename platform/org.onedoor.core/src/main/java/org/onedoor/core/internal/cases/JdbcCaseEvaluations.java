package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.Rating;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.cases.RatingSummary;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.evaluation.HallRatingFollowUps;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The applicant's rating of clerk and approver (R18), once per finished case, and its aggregates; a
 * bad score (1 非常不满意, 2 不满意) opens its follow-up in the same transaction ({@link HallRatingFollowUps}).
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

    @Override
    public Rating rate(String number, String checkCode, int clerkScore, int approverScore, String comment) {
        HallCase h = cases.lookup(number, checkCode).orElseThrow(() -> CaseStore.notFound("unknown-case",
                "办件编号或查询码不正确"));
        if (h.state() != CaseState.DELIVERED && h.state() != CaseState.CLOSED) {
            throw CaseStore.conflict("not-finished", "办件 " + number + " 尚未办结送达，办结后才能评价");
        }
        if (clerkScore < 1 || clerkScore > 5 || approverScore < 1 || approverScore > 5) {
            throw CaseStore.invalid("invalid-score", "评分为1（非常不满意）至5（非常满意）");
        }
        String text = CitizenDataMasking.mask(comment == null ? "" : comment.strip());
        if (text.length() > 500) {
            throw CaseStore.invalid("comment-too-long", "评价内容最多500个字符");
        }
        CaseStore.Done<Rating> done = store.write((c, tx) -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM case_rating WHERE case_no = ?")) {
                q.setString(1, h.number());
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        throw CaseStore.conflict("already-rated", "办件 " + number + " 已评价过，每个办件只能评价一次");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_rating (case_no, department_id, clerk, approver, clerk_score, "
                    + "approver_score, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, h.number());
                ps.setString(2, h.departmentId());
                ps.setString(3, h.acceptedBy());
                ps.setString(4, h.decidedBy());
                ps.setInt(5, clerkScore);
                ps.setInt(6, approverScore);
                ps.setString(7, text);
                ps.setTimestamp(8, Timestamp.from(tx.at()));
                ps.executeUpdate();
            }
            tx.audit(new AuditEvent("case-rate", "citizen", "citizen", h.number(), AuditEvent.SUCCESS,
                    "窗口 " + clerkScore + " 分，审批 " + approverScore + " 分"));
            followUps.openFor(tx.handle(), h.number(), h.departmentId(), h.acceptedBy(), h.decidedBy(), clerkScore, approverScore, text,
                    tx.at()).forEach(tx::audit);
            tx.event("RATED", h.number(), h.bundleNumber(), h.departmentId(), h.state().name(), 0);
            return new Rating(h.number(), h.departmentId(), h.acceptedBy(), h.decidedBy(), clerkScore, approverScore, text, tx.at());
        });
        store.recordAudit(done);
        hub.publish(done.events());
        return done.result();
    }

    @Override
    public RatingReport report() {
        return store.read((c, tx) -> new RatingReport(
                summary(c, Summary.BY_CLERK), summary(c, Summary.BY_APPROVER), summary(c, Summary.BY_DEPARTMENT)));
    }

    /** The fixed rating summaries: who is rated, the average score and how many bad ratings (2 or less). */
    private enum Summary {
        BY_CLERK("SELECT clerk AS who, COUNT(*) AS ratings, AVG(clerk_score * 1.0) AS average, "
                + "SUM(CASE WHEN clerk_score <= 2 THEN 1 ELSE 0 END) AS bad FROM case_rating GROUP BY clerk ORDER BY clerk"),
        BY_APPROVER("SELECT approver AS who, COUNT(*) AS ratings, AVG(approver_score * 1.0) AS average, "
                + "SUM(CASE WHEN approver_score <= 2 THEN 1 ELSE 0 END) AS bad FROM case_rating GROUP BY approver ORDER BY approver"),
        BY_DEPARTMENT("SELECT department_id AS who, COUNT(*) AS ratings, AVG((clerk_score + approver_score) / 2.0 * 1.0) AS average, "
                + "SUM(CASE WHEN LEAST(clerk_score, approver_score) <= 2 THEN 1 ELSE 0 END) AS bad FROM case_rating "
                + "GROUP BY department_id ORDER BY department_id");

        private final String sql;

        Summary(String sql) {
            this.sql = sql;
        }
    }

    private static List<RatingSummary> summary(Connection c, Summary summary) throws SQLException {
        List<RatingSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(summary.sql)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RatingSummary(rs.getString("who"), rs.getInt("ratings"), Math.round(rs.getDouble("average") * 100) / 100.0,
                            rs.getInt("bad")));
                }
            }
        }
        return out;
    }
}
