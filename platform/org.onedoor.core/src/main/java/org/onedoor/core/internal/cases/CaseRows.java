package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.SpecialStep;

/** Reads cases, their materials and their history from the store. */
final class CaseRows {

    static final String COLUMNS = "case_no, bundle_no, matter_code, matter_revision, matter_name, department_id, channel, "
            + "window_no, ticket_no, applicant_name, applicant_id, state, special_steps, steps_done, supply_by, accepted_by, "
            + "accepted_at, committed_days, deadline, decision, decided_by, decided_at, decision_reason, signed_off_window, "
            + "delivery_method, delivery_detail, tracking_no, pickup_code, delivered_at, closed_at, check_hash, accepted_day";

    private CaseRows() {
    }

    /** Loads one case, locking its row for the rest of the transaction when {@code lock}. */
    static Optional<HallCase> load(Connection c, String number, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM hall_case WHERE case_no = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(c, rs)) : Optional.empty();
            }
        }
    }

    static List<HallCase> list(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM hall_case " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<HallCase> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(c, rs));
                }
            }
            return out;
        }
    }

    /** @return the stored check-code hash of a case, if the case exists */
    static Optional<String> checkHash(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_hash, bundle_no FROM hall_case WHERE case_no = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static HallCase map(Connection c, ResultSet rs) throws SQLException {
        String number = rs.getString("case_no");
        Set<SpecialStep> steps = steps(rs.getString("special_steps"));
        steps.removeAll(steps(rs.getString("steps_done")));
        String bundle = rs.getString("bundle_no");
        String method = rs.getString("delivery_method");
        Date supplyBy = rs.getDate("supply_by");
        return new HallCase(number, bundle == null ? "" : bundle, rs.getString("matter_code"), rs.getString("matter_revision"),
                rs.getString("matter_name"), rs.getString("department_id"), CaseChannel.valueOf(rs.getString("channel")),
                rs.getInt("window_no"), rs.getString("ticket_no"), rs.getString("applicant_name"),
                new ResidentIdNumber(rs.getString("applicant_id")).masked(), CaseState.valueOf(rs.getString("state")),
                materials(c, number), Optional.ofNullable(supplyBy).map(Date::toLocalDate), steps, rs.getString("accepted_by"),
                rs.getTimestamp("accepted_at").toInstant(), rs.getInt("committed_days"), rs.getDate("deadline").toLocalDate(),
                Optional.ofNullable(rs.getString("decision")).map(CaseState::valueOf), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
                rs.getBoolean("signed_off_window"), Optional.ofNullable(method).map(DeliveryMethod::valueOf),
                rs.getString("delivery_detail"), rs.getString("tracking_no"), rs.getString("pickup_code"),
                instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("closed_at")));
    }

    static Set<SpecialStep> steps(String list) {
        Set<SpecialStep> out = EnumSet.noneOf(SpecialStep.class);
        if (list != null && !list.isBlank()) {
            Arrays.stream(list.split(",")).map(String::trim).map(SpecialStep::valueOf).forEach(out::add);
        }
        return out;
    }

    static String stepList(Set<SpecialStep> steps) {
        return String.join(",", steps.stream().sorted().map(Enum::name).toList());
    }

    private static Optional<Instant> instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    static List<CaseMaterial> materials(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, kind, received_at FROM case_material WHERE case_no = ? ORDER BY position")) {
            ps.setString(1, number);
            List<CaseMaterial> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseMaterial(rs.getString(1), MaterialKind.valueOf(rs.getString(2)), rs.getTimestamp(3) != null));
                }
            }
            return out;
        }
    }

    static void history(Connection c, String number, Instant at, String actor, String origin, String action, CaseState state,
            String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_history (case_no, at, actor, origin, action, state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, number);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, cut(actor, 128));
            ps.setString(4, cut(origin, 128));
            ps.setString(5, action);
            ps.setString(6, state.name());
            ps.setString(7, cut(detail, 1000));
            ps.executeUpdate();
        }
    }

    static List<CaseHistoryEntry> history(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT at, actor, origin, action, state, detail FROM case_history WHERE case_no = ? ORDER BY id")) {
            ps.setString(1, number);
            List<CaseHistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            CaseState.valueOf(rs.getString(5)), rs.getString(6)));
                }
            }
            return out;
        }
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
