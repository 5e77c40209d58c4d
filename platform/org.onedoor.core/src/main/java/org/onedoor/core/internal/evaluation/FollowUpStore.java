package org.onedoor.core.internal.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.TimeLight;

/**
 * The table {@code rating_follow_up}, and the bad ratings of {@code case_evaluation} (written by the
 * cases' evaluations) that have no follow-up yet; on a handle of the caller's transaction.
 */
final class FollowUpStore {

    /** A bad score of one party of a rated case, still without its follow-up. */
    record BadScore(String caseNumber, String party, String subject, String departmentId, int score, String comment, Instant ratedAt) {
    }

    private static final String COLUMNS = "id, case_no, party, subject, department_id, score, comment, state, opened_at, due, justified,"
            + " callback, reply, replied_at, dispute, decision, satisfied, excluded, closed_at, escalated_at";

    private FollowUpStore() {
    }

    /** @return bad ratings (score 1 or 2) of clerks (FRONT) and approvers (BACK) that have no follow-up, oldest first */
    static List<BadScore> unfollowed(Handle h, int limit) {
        return h.createQuery("SELECT r.case_no, CASE r.party WHEN 'FRONT' THEN 'CLERK' ELSE 'APPROVER' END AS follow_party, r.subject,"
                + " r.department_id, r.score, r.comment, r.changed_at FROM case_evaluation r WHERE r.score <= 2 AND NOT EXISTS"
                + " (SELECT 1 FROM rating_follow_up f WHERE f.case_no = r.case_no"
                + " AND f.party = CASE r.party WHEN 'FRONT' THEN 'CLERK' ELSE 'APPROVER' END) ORDER BY r.changed_at LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new BadScore(rs.getString("case_no"), rs.getString("follow_party"), rs.getString("subject"),
                        rs.getString("department_id"), rs.getInt("score"), rs.getString("comment"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    static boolean exists(Handle h, String caseNumber, String party) {
        return h.createQuery("SELECT COUNT(*) FROM rating_follow_up WHERE case_no = :case AND party = :party")
                .bind("case", caseNumber).bind("party", party).mapTo(Integer.class).one() > 0;
    }

    /** @return the new follow-up's id */
    static long insert(Handle h, BadScore b, Instant openedAt, LocalDate due) {
        return h.createUpdate("INSERT INTO rating_follow_up (case_no, party, subject, department_id, score, comment, state, opened_at,"
                + " due, callback, reply, dispute, decision, excluded) VALUES (:case, :party, :subject, :department, :score, :comment,"
                + " 'OPEN', :openedAt, :due, '', '', '', '', FALSE)")
                .bind("case", b.caseNumber()).bind("party", b.party()).bind("subject", b.subject()).bind("department", b.departmentId())
                .bind("score", b.score()).bind("comment", b.comment()).bind("openedAt", openedAt).bind("due", due)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void update(Handle h, RatingFollowUp f) {
        Update u = h.createUpdate("UPDATE rating_follow_up SET state = :state, due = :due, justified = :justified, callback = :callback,"
                + " reply = :reply, replied_at = :repliedAt, dispute = :dispute, decision = :decision, satisfied = :satisfied,"
                + " excluded = :excluded, closed_at = :closedAt, escalated_at = :escalatedAt WHERE id = :id");
        u.bind("id", f.id()).bind("state", f.state().name()).bind("due", f.due())
                .bindByType("justified", f.justified().orElse(null), Boolean.class).bind("callback", f.callback()).bind("reply", f.reply())
                .bindByType("repliedAt", f.repliedAt().orElse(null), Instant.class).bind("dispute", f.dispute())
                .bind("decision", f.decision()).bindByType("satisfied", f.satisfied().orElse(null), Boolean.class)
                .bind("excluded", f.excluded()).bindByType("closedAt", f.closedAt().orElse(null), Instant.class)
                .bindByType("escalatedAt", f.escalatedAt().orElse(null), Instant.class)
                .execute();
    }

    static Optional<RatingFollowUp> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rating_follow_up WHERE id = :id").bind("id", id).map(FollowUpStore::row).findOne();
    }

    static Optional<RatingFollowUp> lock(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rating_follow_up WHERE id = :id FOR UPDATE").bind("id", id)
                .map(FollowUpStore::row).findOne();
    }

    /** An empty state or department matches every one. */
    static List<RatingFollowUp> list(Handle h, String state, String department, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rating_follow_up WHERE (:state = '' OR state = :state)"
                + " AND (:department = '' OR department_id = :department) ORDER BY opened_at DESC, id DESC LIMIT :limit")
                .bind("state", state).bind("department", department).bind("limit", limit).map(FollowUpStore::row).list();
    }

    /** A case finished in a period, its current scores per party (0 when that party is not rated) and the follow-ups of its bad scores. */
    record Finished(String caseNumber, String departmentId, int window, String clerk, String approver, int clerkScore,
            int approverScore, List<RatingFollowUp> followUps) {
    }

    /** @return the cases delivered or closed in [from, to), with their ratings and follow-ups */
    static List<Finished> finishedBetween(Handle h, Instant from, Instant to) {
        String finished = " FROM hall_case c WHERE c.state IN ('DELIVERED', 'CLOSED')"
                + " AND COALESCE(c.delivered_at, c.closed_at) >= :from AND COALESCE(c.delivered_at, c.closed_at) < :to";
        java.util.Map<String, List<RatingFollowUp>> followUps = new java.util.HashMap<>();
        h.createQuery("SELECT " + COLUMNS + " FROM rating_follow_up WHERE case_no IN (SELECT c.case_no" + finished + ")")
                .bind("from", from).bind("to", to).map(FollowUpStore::row)
                .forEach(f -> followUps.computeIfAbsent(f.caseNumber(), k -> new java.util.ArrayList<>()).add(f));
        return h.createQuery("SELECT c.case_no, c.department_id, c.window_no, c.accepted_by, c.decided_by,"
                + " COALESCE(fr.score, 0) AS clerk_score, COALESCE(bk.score, 0) AS approver_score FROM hall_case c"
                + " LEFT JOIN case_evaluation fr ON fr.case_no = c.case_no AND fr.party = 'FRONT'"
                + " LEFT JOIN case_evaluation bk ON bk.case_no = c.case_no AND bk.party = 'BACK'"
                + " WHERE c.case_no IN (SELECT c.case_no" + finished + ")"
                + " ORDER BY c.case_no")
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Finished(rs.getString("case_no"), rs.getString("department_id"), rs.getInt("window_no"),
                        rs.getString("accepted_by"), rs.getString("decided_by"), rs.getInt("clerk_score"), rs.getInt("approver_score"),
                        followUps.getOrDefault(rs.getString("case_no"), List.of())))
                .list();
    }

    /** @return follow-ups not yet replied to whose due day passed before {@code today}, not yet escalated */
    static List<RatingFollowUp> lateNotEscalated(Handle h, LocalDate today) {
        return h.createQuery("SELECT " + COLUMNS + " FROM rating_follow_up WHERE state IN ('OPEN', 'CALLED_BACK', 'DISPUTED')"
                + " AND due < :today AND escalated_at IS NULL ORDER BY due, id LIMIT 500")
                .bind("today", today).map(FollowUpStore::row).list();
    }

    private static RatingFollowUp row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RatingFollowUp(rs.getLong("id"), rs.getString("case_no"), rs.getString("party"), rs.getString("subject"),
                rs.getString("department_id"), rs.getInt("score"), rs.getString("comment"), FollowUpState.valueOf(rs.getString("state")),
                rs.getTimestamp("opened_at").toInstant(), rs.getObject("due", LocalDate.class), bool(rs, "justified"),
                rs.getString("callback"), rs.getString("reply"), instant(rs, "replied_at"), rs.getString("dispute"),
                rs.getString("decision"), bool(rs, "satisfied"), rs.getBoolean("excluded"), instant(rs, "closed_at"),
                instant(rs, "escalated_at"), TimeLight.GREEN);
    }

    private static Optional<Boolean> bool(ResultSet rs, String column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }
}
