package org.onedoor.core.internal.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.core.internal.evaluation.EvaluationRules;

/**
 * The tables {@code case_evaluation} (one current rating per case and party) and
 * {@code case_evaluation_history} (every version, never updated); on a handle of the caller's transaction.
 */
final class EvaluationRows {

    private static final String COLUMNS = "case_no, party, department_id, subject, rating_level, reasons, comment, channel, citizen,"
            + " rated_at, changed_at, revision";

    private EvaluationRows() {
    }

    /** @return the party's current rating of the case, its row locked until the transaction ends */
    static Optional<Evaluation> lock(Handle h, String caseNumber, RatingParty party, int changeDays) {
        return h.createQuery("SELECT " + COLUMNS + " FROM case_evaluation WHERE case_no = :case AND party = :party FOR UPDATE")
                .bind("case", caseNumber).bind("party", party.name())
                .map((rs, ctx) -> row(rs, changeDays)).findOne();
    }

    /** @return the case's current ratings, FRONT before BACK */
    static List<Evaluation> current(Handle h, String caseNumber, int changeDays) {
        return h.createQuery("SELECT " + COLUMNS + " FROM case_evaluation WHERE case_no = :case ORDER BY party DESC")
                .bind("case", caseNumber).map((rs, ctx) -> row(rs, changeDays)).list();
    }

    /** @return every version of the case's ratings, per party (FRONT first) oldest first */
    static List<Evaluation> history(Handle h, String caseNumber, int changeDays) {
        return h.createQuery("SELECT v.case_no, v.party, e.department_id, v.subject, v.rating_level, v.reasons, v.comment, v.channel,"
                + " v.citizen, e.rated_at, v.given_at AS changed_at, v.revision FROM case_evaluation_history v"
                + " JOIN case_evaluation e ON e.case_no = v.case_no AND e.party = v.party WHERE v.case_no = :case"
                + " ORDER BY v.party DESC, v.revision")
                .bind("case", caseNumber).map((rs, ctx) -> row(rs, changeDays)).list();
    }

    static void insert(Handle h, Evaluation e) {
        h.createUpdate("INSERT INTO case_evaluation (" + COLUMNS + ", score) VALUES (:case, :party, :department, :subject, :level,"
                + " :reasons, :comment, :channel, :citizen, :ratedAt, :changedAt, :revision, :score)")
                .bind("case", e.caseNumber()).bind("party", e.party().name()).bind("department", e.departmentId())
                .bind("subject", e.subject()).bind("level", e.level().name()).bind("reasons", String.join(",", e.reasons()))
                .bind("comment", e.comment()).bind("channel", e.channel().name()).bind("citizen", e.citizen())
                .bind("ratedAt", e.ratedAt()).bind("changedAt", e.changedAt()).bind("revision", e.revision())
                .bind("score", e.level().score()).execute();
    }

    static void update(Handle h, Evaluation e) {
        h.createUpdate("UPDATE case_evaluation SET rating_level = :level, score = :score, reasons = :reasons, comment = :comment,"
                + " channel = :channel, changed_at = :changedAt, revision = :revision WHERE case_no = :case AND party = :party")
                .bind("case", e.caseNumber()).bind("party", e.party().name()).bind("level", e.level().name())
                .bind("score", e.level().score()).bind("reasons", String.join(",", e.reasons())).bind("comment", e.comment())
                .bind("channel", e.channel().name()).bind("changedAt", e.changedAt()).bind("revision", e.revision()).execute();
    }

    /** Adds the version to the history. */
    static void version(Handle h, Evaluation e) {
        h.createUpdate("INSERT INTO case_evaluation_history (case_no, party, revision, subject, rating_level, score, reasons, comment,"
                + " channel, citizen, given_at) VALUES (:case, :party, :revision, :subject, :level, :score, :reasons, :comment, :channel,"
                + " :citizen, :givenAt)")
                .bind("case", e.caseNumber()).bind("party", e.party().name()).bind("revision", e.revision())
                .bind("subject", e.subject()).bind("level", e.level().name()).bind("score", e.level().score())
                .bind("reasons", String.join(",", e.reasons())).bind("comment", e.comment()).bind("channel", e.channel().name())
                .bind("citizen", e.citizen()).bind("givenAt", e.changedAt()).execute();
    }

    private static Evaluation row(ResultSet rs, int changeDays) throws SQLException {
        Instant ratedAt = rs.getTimestamp("rated_at").toInstant();
        String reasons = rs.getString("reasons");
        return new Evaluation(rs.getString("case_no"), rs.getString("department_id"), RatingParty.valueOf(rs.getString("party")),
                rs.getString("subject"), RatingLevel.valueOf(rs.getString("rating_level")),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), rs.getString("comment"),
                RatingChannel.valueOf(rs.getString("channel")), rs.getString("citizen"), ratedAt, rs.getTimestamp("changed_at").toInstant(),
                rs.getInt("revision"), EvaluationRules.changeableUntil(ratedAt, changeDays));
    }
}
