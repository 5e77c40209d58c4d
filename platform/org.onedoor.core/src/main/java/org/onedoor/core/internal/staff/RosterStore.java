package org.onedoor.core.internal.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.RosterEntry;

/** The window roster ({@code window_roster}) and the members' zones, on a handle of the caller's transaction. */
final class RosterStore {

    private static final String ENTRY = "SELECT r.hall_id, r.roster_day, r.window_no, r.zone_id, r.staff_id, r.assigned_by, r.assigned_at,"
            + " m.staff_no, m.real_name, m.post, m.unit_id FROM window_roster r JOIN staff_member m ON m.id = r.staff_id";

    private RosterStore() {
    }

    /** Puts the member at the window for the day: whoever was there, and the member's other window that day, give way. */
    static void put(Handle h, String hallId, LocalDate day, int window, String zoneId, long staffId, String by, Instant at) {
        h.createUpdate("DELETE FROM window_roster WHERE hall_id = :hall AND roster_day = :day AND (window_no = :window OR staff_id = :staff)")
                .bind("hall", hallId).bind("day", day).bind("window", window).bind("staff", staffId).execute();
        h.createUpdate("INSERT INTO window_roster (hall_id, roster_day, window_no, zone_id, staff_id, assigned_by, assigned_at)"
                + " VALUES (:hall, :day, :window, :zone, :staff, :by, :at)")
                .bind("hall", hallId).bind("day", day).bind("window", window).bind("zone", zoneId).bind("staff", staffId)
                .bind("by", by).bind("at", at).execute();
    }

    static int remove(Handle h, String hallId, LocalDate day, int window) {
        return h.createUpdate("DELETE FROM window_roster WHERE hall_id = :hall AND roster_day = :day AND window_no = :window")
                .bind("hall", hallId).bind("day", day).bind("window", window).execute();
    }

    static List<RosterEntry> day(Handle h, String hallId, LocalDate day) {
        return h.createQuery(ENTRY + " WHERE r.hall_id = :hall AND r.roster_day = :day ORDER BY r.window_no")
                .bind("hall", hallId).bind("day", day).map(RosterStore::entry).list();
    }

    static Optional<RosterEntry> atWindow(Handle h, String hallId, LocalDate day, int window) {
        return h.createQuery(ENTRY + " WHERE r.hall_id = :hall AND r.roster_day = :day AND r.window_no = :window")
                .bind("hall", hallId).bind("day", day).bind("window", window).map(RosterStore::entry).findOne();
    }

    static Optional<RosterEntry> ofMember(Handle h, String hallId, LocalDate day, long staffId) {
        return h.createQuery(ENTRY + " WHERE r.hall_id = :hall AND r.roster_day = :day AND r.staff_id = :staff")
                .bind("hall", hallId).bind("day", day).bind("staff", staffId).map(RosterStore::entry).findOne();
    }

    static void setZone(Handle h, long staffId, Optional<String> zoneId) {
        h.createUpdate("UPDATE staff_member SET zone_id = :zone WHERE id = :id").bindByType("zone", zoneId.orElse(null), String.class)
                .bind("id", staffId).execute();
    }

    static Optional<String> zone(Handle h, long staffId) {
        return h.createQuery("SELECT zone_id FROM staff_member WHERE id = :id").bind("id", staffId).mapTo(String.class).findOne()
                .filter(z -> z != null && !z.isEmpty());
    }

    /** @return the name plates of those users with an active, numbered record */
    static Map<String, NamePlate> plates(Handle h, Collection<String> users) {
        Map<String, NamePlate> out = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT user_name, staff_no, real_name, post, unit_id FROM staff_member WHERE state = 'ACTIVE'"
                + " AND staff_no IS NOT NULL AND user_name IN (<users>)").bindList("users", List.copyOf(users))
                .map((rs, ctx) -> Map.entry(rs.getString("user_name"), new NamePlate(rs.getString("staff_no"), rs.getString("real_name"),
                        Post.valueOf(rs.getString("post")), rs.getString("unit_id"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static RosterEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RosterEntry(rs.getString("hall_id"), rs.getObject("roster_day", LocalDate.class), rs.getInt("window_no"),
                rs.getString("zone_id"), rs.getLong("staff_id"), new NamePlate(rs.getString("staff_no"), rs.getString("real_name"),
                        Post.valueOf(rs.getString("post")), rs.getString("unit_id")), rs.getString("assigned_by"),
                rs.getTimestamp("assigned_at").toInstant());
    }
}
