package org.onedoor.core.internal.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;

/** The table {@code staff_duty} (R17) read and written on a handle of the caller's transaction. */
public final class DutyStore {

    private static final String DUTY = "SELECT d.id, d.staff_id, d.user_name, m.real_name, d.duty, d.unit_id, d.matter_code,"
            + " d.assigned_by, d.assigned_at FROM staff_duty d JOIN staff_member m ON m.id = d.staff_id";

    private DutyStore() {
    }

    static long insert(Handle h, long staffId, String user, DutyKind kind, String unitId, String matterCode, String by, Instant at) {
        return h.createUpdate("INSERT INTO staff_duty (staff_id, user_name, duty, unit_id, matter_code, assigned_by, assigned_at)"
                + " VALUES (:staff, :user, :duty, :unit, :matter, :by, :at)")
                .bind("staff", staffId).bind("user", user).bind("duty", kind.name()).bind("unit", unitId).bind("matter", matterCode)
                .bind("by", by).bind("at", at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    static int end(Handle h, long id, String by, Instant at) {
        return h.createUpdate("UPDATE staff_duty SET ended_by = :by, ended_at = :at WHERE id = :id AND ended_at IS NULL")
                .bind("by", by).bind("at", at).bind("id", id).execute();
    }

    static Optional<Duty> duty(Handle h, long id) {
        return h.createQuery(DUTY + " WHERE d.id = :id AND d.ended_at IS NULL").bind("id", id).map(DutyStore::duty).findOne();
    }

    /** @return the duties in force of the user, its rows locked (so two assignments of one user run one after the other) */
    public static List<Duty> ofUser(Handle h, String user) {
        h.createQuery("SELECT id FROM staff_duty WHERE user_name = :user AND ended_at IS NULL FOR UPDATE").bind("user", user)
                .mapTo(Long.class).list();
        return h.createQuery(DUTY + " WHERE d.user_name = :user AND d.ended_at IS NULL ORDER BY d.id").bind("user", user)
                .map(DutyStore::duty).list();
    }

    static List<Duty> ofUnit(Handle h, String unitId) {
        return h.createQuery(DUTY + " WHERE d.ended_at IS NULL AND (:unit = '' OR d.unit_id = :unit)"
                + " ORDER BY d.unit_id, d.duty, d.staff_id, d.matter_code").bind("unit", unitId).map(DutyStore::duty).list();
    }

    /**
     * @return the matters of the unit that the user approves as section chief under letters not revoked and not expired
     *         on {@code day} (a letter still to be filed with the hall counts: it is meant to be in force)
     */
    static List<String> sectionChiefMatters(Handle h, String user, String unitId, java.time.LocalDate day) {
        return h.createQuery("SELECT DISTINCT m.matter_code FROM authorization_letter l JOIN authorization_matter m ON m.letter_id = l.id"
                + " WHERE l.staff = :user AND l.department_id = :unit AND l.kind = 'SECTION_CHIEF' AND l.revoked_at IS NULL"
                + " AND (l.valid_until IS NULL OR l.valid_until >= :day) ORDER BY m.matter_code")
                .bind("user", user).bind("unit", unitId).bind("day", day).mapTo(String.class).list();
    }

    private static Duty duty(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Duty(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("user_name"), rs.getString("real_name"),
                DutyKind.valueOf(rs.getString("duty")), rs.getString("unit_id"), rs.getString("matter_code"), rs.getString("assigned_by"),
                rs.getTimestamp("assigned_at").toInstant());
    }
}
