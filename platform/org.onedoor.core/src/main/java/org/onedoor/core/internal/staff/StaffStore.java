package org.onedoor.core.internal.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.FormKind;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.StaffMember;
import org.onedoor.api.staff.StaffState;
import org.onedoor.api.staff.Training;
import org.onedoor.api.staff.TrainingResult;

/**
 * The registry's tables ({@code staff_member}, {@code staff_number}, {@code staff_form},
 * {@code staff_training}, {@code staff_photo}) read and written on a handle of the caller's
 * transaction; rows mapped by column name.
 */
public final class StaffStore {

    private static final String MEMBER = "SELECT m.id, m.staff_no, m.real_name, m.unit_id, m.post, m.user_name, m.state,"
            + " m.dispatched_on, m.withdrawn_on,"
            + " (SELECT COUNT(*) FROM staff_photo p WHERE p.staff_id = m.id) AS photos,"
            + " (SELECT COUNT(*) FROM staff_training t WHERE t.staff_id = m.id AND t.result = 'PASSED') AS passed"
            + " FROM staff_member m";
    private static final String FORM = "SELECT id, kind, staff_id, unit_id, reason, filed_by, filed_at, state, decided_by, decided_at,"
            + " decision, hall_agreement FROM staff_form";

    private StaffStore() {
    }

    /** @return the next staff number of the hall, gap-free (a first collision is retried by the transaction helper) */
    static int nextNumber(Handle h) {
        int updated = h.createUpdate("UPDATE staff_number SET last_value = last_value + 1 WHERE number_key = 'hall'").execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO staff_number (number_key, last_value) VALUES ('hall', 1)").execute();
        }
        return h.createQuery("SELECT last_value FROM staff_number WHERE number_key = 'hall'").mapTo(Integer.class).one();
    }

    static long insertMember(Handle h, String realName, String unitId, Post post, String user, Instant now) {
        return h.createUpdate("INSERT INTO staff_member (real_name, unit_id, post, user_name, live_user, state, created_at)"
                + " VALUES (:name, :unit, :post, :user, :user, 'PENDING', :now)")
                .bind("name", realName).bind("unit", unitId).bind("post", post.name()).bind("user", user).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void activate(Handle h, long id, String number, LocalDate on) {
        h.createUpdate("UPDATE staff_member SET state = 'ACTIVE', staff_no = :no, dispatched_on = :on WHERE id = :id")
                .bind("no", number).bind("on", on).bind("id", id).execute();
    }

    /** Ends a live record: WITHDRAWN (with the day) or REJECTED; the user may be linked again. */
    static void end(Handle h, long id, StaffState state, Optional<LocalDate> on) {
        h.createUpdate("UPDATE staff_member SET state = :state, live_user = NULL, withdrawn_on = :on WHERE id = :id")
                .bind("state", state.name()).bindByType("on", on.orElse(null), LocalDate.class).bind("id", id).execute();
    }

    public static Optional<StaffMember> member(Handle h, long id) {
        return h.createQuery(MEMBER + " WHERE m.id = :id").bind("id", id).map(StaffStore::member).findOne();
    }

    /** @return the member, its row locked until the transaction ends */
    static Optional<StaffMember> lockMember(Handle h, long id) {
        h.createQuery("SELECT id FROM staff_member WHERE id = :id FOR UPDATE").bind("id", id).mapTo(Long.class).findOne();
        return member(h, id);
    }

    /** @return the unit's active holders of the post, their rows locked */
    static List<StaffMember> activeHolders(Handle h, String unitId, Post post) {
        h.createQuery("SELECT id FROM staff_member WHERE unit_id = :unit AND post = :post AND state = 'ACTIVE' FOR UPDATE")
                .bind("unit", unitId).bind("post", post.name()).mapTo(Long.class).list();
        return h.createQuery(MEMBER + " WHERE m.unit_id = :unit AND m.post = :post AND m.state = 'ACTIVE' ORDER BY m.id")
                .bind("unit", unitId).bind("post", post.name()).map(StaffStore::member).list();
    }

    static List<StaffMember> members(Handle h, String unitId) {
        return h.createQuery(MEMBER + " WHERE (:unit = '' OR m.unit_id = :unit) ORDER BY m.id DESC LIMIT 1000")
                .bind("unit", unitId).map(StaffStore::member).list();
    }

    /** @return the user's live record, else its latest */
    static Optional<StaffMember> ofUser(Handle h, String user) {
        return h.createQuery(MEMBER + " WHERE m.user_name = :user ORDER BY CASE WHEN m.live_user IS NULL THEN 1 ELSE 0 END, m.id DESC LIMIT 1")
                .bind("user", user).map(StaffStore::member).findOne();
    }

    static long insertForm(Handle h, FormKind kind, long staffId, String unitId, String reason, String filedBy, Instant now) {
        return h.createUpdate("INSERT INTO staff_form (kind, staff_id, unit_id, reason, filed_by, filed_at, state, decision)"
                + " VALUES (:kind, :staff, :unit, :reason, :by, :now, 'AWAITING_HALL', '')")
                .bind("kind", kind.name()).bind("staff", staffId).bind("unit", unitId).bind("reason", reason).bind("by", filedBy)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static void decide(Handle h, long formId, FormState state, String by, Instant at, String decision, Optional<String> agreement) {
        h.createUpdate("UPDATE staff_form SET state = :state, decided_by = :by, decided_at = :at, decision = :decision,"
                + " hall_agreement = :agreement WHERE id = :id")
                .bind("state", state.name()).bind("by", by).bind("at", at).bind("decision", decision)
                .bindByType("agreement", agreement.orElse(null), String.class).bind("id", formId).execute();
    }

    static Optional<DispatchForm> form(Handle h, long id) {
        return h.createQuery(FORM + " WHERE id = :id").bind("id", id).map(StaffStore::form).findOne();
    }

    static Optional<DispatchForm> lockForm(Handle h, long id) {
        return h.createQuery(FORM + " WHERE id = :id FOR UPDATE").bind("id", id).map(StaffStore::form).findOne();
    }

    static List<DispatchForm> forms(Handle h, String state, String unitId) {
        return h.createQuery(FORM + " WHERE (:state = '' OR state = :state) AND (:unit = '' OR unit_id = :unit) ORDER BY id DESC LIMIT 1000")
                .bind("state", state).bind("unit", unitId).map(StaffStore::form).list();
    }

    static boolean formAwaiting(Handle h, long staffId) {
        return h.createQuery("SELECT COUNT(*) FROM staff_form WHERE staff_id = :staff AND state = 'AWAITING_HALL'")
                .bind("staff", staffId).mapTo(Integer.class).one() > 0;
    }

    static long insertTraining(Handle h, long staffId, String course, LocalDate on, TrainingResult result, String by, Instant now) {
        return h.createUpdate("INSERT INTO staff_training (staff_id, course, trained_on, result, recorded_by, recorded_at)"
                + " VALUES (:staff, :course, :on, :result, :by, :now)")
                .bind("staff", staffId).bind("course", course).bind("on", on).bind("result", result.name()).bind("by", by)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static List<Training> trainings(Handle h, long staffId) {
        return h.createQuery("SELECT id, staff_id, course, trained_on, result, recorded_by, recorded_at FROM staff_training"
                + " WHERE staff_id = :staff ORDER BY trained_on DESC, id DESC")
                .bind("staff", staffId)
                .map((rs, ctx) -> new Training(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("course"),
                        rs.getObject("trained_on", LocalDate.class), TrainingResult.valueOf(rs.getString("result")),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    static void putPhoto(Handle h, long staffId, String base64) {
        h.createUpdate("DELETE FROM staff_photo WHERE staff_id = :staff").bind("staff", staffId).execute();
        h.createUpdate("INSERT INTO staff_photo (staff_id, image) VALUES (:staff, :image)").bind("staff", staffId).bind("image", base64)
                .execute();
    }

    static Optional<String> photo(Handle h, long staffId) {
        return h.createQuery("SELECT image FROM staff_photo WHERE staff_id = :staff").bind("staff", staffId).mapTo(String.class).findOne();
    }

    private static StaffMember member(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StaffMember(rs.getLong("id"), Optional.ofNullable(rs.getString("staff_no")), rs.getString("real_name"),
                rs.getString("unit_id"), Post.valueOf(rs.getString("post")), rs.getString("user_name"),
                StaffState.valueOf(rs.getString("state")), Optional.ofNullable(rs.getObject("dispatched_on", LocalDate.class)),
                Optional.ofNullable(rs.getObject("withdrawn_on", LocalDate.class)), rs.getInt("photos") > 0, rs.getInt("passed") > 0);
    }

    private static DispatchForm form(ResultSet rs, StatementContext ctx) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new DispatchForm(rs.getLong("id"), FormKind.valueOf(rs.getString("kind")), rs.getLong("staff_id"), rs.getString("unit_id"),
                rs.getString("reason"), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
                FormState.valueOf(rs.getString("state")), Optional.ofNullable(rs.getString("decided_by")),
                Optional.ofNullable(decided).map(Timestamp::toInstant), rs.getString("decision"),
                Optional.ofNullable(rs.getString("hall_agreement")));
    }
}
