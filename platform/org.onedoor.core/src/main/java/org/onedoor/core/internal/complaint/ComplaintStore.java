package org.onedoor.core.internal.complaint;

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
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintChannel;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.ComplaintState;

/**
 * The complaints' tables ({@code complaint}, {@code complaint_day}, {@code complaint_step}) read and
 * written on a handle of the caller's transaction; rows are mapped by column name.
 */
final class ComplaintStore {

    /** One step of a complaint's history. */
    record Step(String action, String actor, ComplaintState state, String note, Instant at) {
    }

    private static final String COLUMNS = "complaint_no, channel, kind, state, complainant, phone, department_id, case_no, window_no,"
            + " text, received_at, received_by, reply_due, reply, rounds, accepted, closed_at, closing, escalated_at";

    private ComplaintStore() {
    }

    /** @return the next number of the hall day, gap-free: {@code TS-yyyyMMdd-NNNN} */
    static String nextNumber(Handle h, LocalDate day) {
        int updated = h.createUpdate("UPDATE complaint_day SET last_value = last_value + 1 WHERE hall_day = :day").bind("day", day).execute();
        if (updated == 0) {
            // two first complaints of a day collide on the key; the transaction is run again and updates
            h.createUpdate("INSERT INTO complaint_day (hall_day, last_value) VALUES (:day, 1)").bind("day", day).execute();
        }
        int n = h.createQuery("SELECT last_value FROM complaint_day WHERE hall_day = :day").bind("day", day).mapTo(Integer.class).one();
        return String.format("TS-%04d%02d%02d-%04d", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), n);
    }

    static void insert(Handle h, Complaint c) {
        changing(h.createUpdate("INSERT INTO complaint (" + COLUMNS + ") VALUES (:number, :channel, :kind, :state, :complainant,"
                + " :phone, :department, :caseNumber, :window, :text, :receivedAt, :receivedBy, :replyDue, :reply, :rounds, :accepted,"
                + " :closedAt, :closing, :escalatedAt)"), c)
                .bind("number", c.number()).bind("channel", c.channel().name()).bind("kind", c.kind().name())
                .bind("complainant", c.complainant()).bind("phone", c.phone()).bind("caseNumber", c.caseNumber())
                .bind("window", c.window()).bind("text", c.text()).bind("receivedAt", c.receivedAt()).bind("receivedBy", c.receivedBy())
                .execute();
    }

    /** Writes what a step may change. */
    static void update(Handle h, Complaint c) {
        changing(h.createUpdate("UPDATE complaint SET state = :state, department_id = :department, reply_due = :replyDue,"
                + " reply = :reply, rounds = :rounds, accepted = :accepted, closed_at = :closedAt, closing = :closing,"
                + " escalated_at = :escalatedAt WHERE complaint_no = :number"), c)
                .bind("number", c.number()).execute();
    }

    /** Binds the columns a step may change. */
    private static Update changing(Update u, Complaint c) {
        return u.bind("state", c.state().name()).bind("department", c.departmentId()).bind("replyDue", c.replyDue())
                .bind("reply", c.reply()).bind("rounds", c.rounds()).bindByType("accepted", c.accepted().orElse(null), Boolean.class)
                .bindByType("closedAt", c.closedAt().orElse(null), Instant.class).bind("closing", c.closing())
                .bindByType("escalatedAt", c.escalatedAt().orElse(null), Instant.class);
    }

    static void step(Handle h, String number, String action, String actor, ComplaintState state, String note, Instant at) {
        h.createUpdate("INSERT INTO complaint_step (complaint_no, action, actor, state, note, happened_at)"
                + " VALUES (:number, :action, :actor, :state, :note, :at)")
                .bind("number", number).bind("action", action).bind("actor", actor).bind("state", state.name())
                .bind("note", note).bind("at", at).execute();
    }

    static Optional<Complaint> find(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM complaint WHERE complaint_no = :number")
                .bind("number", number).map(ComplaintStore::row).findOne();
    }

    /** @return the complaint, its row locked until the transaction ends */
    static Optional<Complaint> lock(Handle h, String number) {
        return h.createQuery("SELECT " + COLUMNS + " FROM complaint WHERE complaint_no = :number FOR UPDATE")
                .bind("number", number).map(ComplaintStore::row).findOne();
    }

    /** An empty state or department matches every one. */
    static List<Complaint> list(Handle h, String state, String department, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM complaint WHERE (:state = '' OR state = :state)"
                + " AND (:department = '' OR department_id = :department) ORDER BY received_at DESC, complaint_no DESC LIMIT :limit")
                .bind("state", state).bind("department", department).bind("limit", limit)
                .map(ComplaintStore::row).list();
    }

    /** @return open complaints whose due day passed before {@code today} and that were not escalated yet */
    static List<Complaint> lateNotEscalated(Handle h, LocalDate today) {
        return h.createQuery("SELECT " + COLUMNS + " FROM complaint WHERE state IN ('RECEIVED', 'ASSIGNED') AND reply_due < :today"
                + " AND escalated_at IS NULL ORDER BY reply_due, complaint_no LIMIT 500")
                .bind("today", today).map(ComplaintStore::row).list();
    }

    static int count(Handle h, String department, ComplaintKind kind, Instant from, Instant to) {
        return h.createQuery("SELECT COUNT(*) FROM complaint WHERE department_id = :department AND kind = :kind"
                + " AND received_at >= :from AND received_at < :to")
                .bind("department", department).bind("kind", kind.name()).bind("from", from).bind("to", to)
                .mapTo(Integer.class).one();
    }

    static List<Step> history(Handle h, String number) {
        return h.createQuery("SELECT action, actor, state, note, happened_at FROM complaint_step WHERE complaint_no = :number ORDER BY id")
                .bind("number", number)
                .map((rs, ctx) -> new Step(rs.getString("action"), rs.getString("actor"), ComplaintState.valueOf(rs.getString("state")),
                        rs.getString("note"), rs.getTimestamp("happened_at").toInstant()))
                .list();
    }

    private static Complaint row(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean accepted = rs.getBoolean("accepted");
        Optional<Boolean> answer = rs.wasNull() ? Optional.empty() : Optional.of(accepted);
        return new Complaint(rs.getString("complaint_no"), ComplaintChannel.valueOf(rs.getString("channel")),
                ComplaintKind.valueOf(rs.getString("kind")), ComplaintState.valueOf(rs.getString("state")),
                rs.getString("complainant"), rs.getString("phone"), rs.getString("department_id"), rs.getString("case_no"),
                rs.getInt("window_no"), rs.getString("text"), rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"),
                rs.getObject("reply_due", LocalDate.class), rs.getString("reply"), rs.getInt("rounds"), answer,
                instant(rs, "closed_at"), rs.getString("closing"), instant(rs, "escalated_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }
}
