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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.cases.BundleState;
import org.onedoor.api.cases.CaseApplicant;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseMail;
import org.onedoor.api.cases.CasePause;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.SpecialStep;

/** Reads cases, their materials and their history, and bundles with their parts, from the store. */
final class CaseRows {

    static final String COLUMNS = "case_no, bundle_no, matter_code, matter_revision, matter_name, department_id, channel, "
            + "window_no, ticket_no, applicant_name, applicant_id, state, special_steps, steps_done, supply_by, accepted_by, "
            + "accepted_at, committed_days, deadline, decision, decided_by, decided_at, decision_reason, signed_off_window, "
            + "delivery_method, delivery_detail, tracking_no, pickup_code, delivered_at, closed_at, check_hash, accepted_day, "
            + "applicant_kind, applicant_id_kind, applicant_nationality, end_reason, fee_due, fee_charged, corrections";

    private CaseRows() {
    }

    /** Loads one case, locking its row for the rest of the transaction when {@code lock}. */
    static Optional<HallCase> load(Handle h, String number, boolean lock) throws SQLException {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM hall_case WHERE case_no = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                HallCase bare = map(rs, materials(c, number));
                return Optional.of(withMaterials(bare, bare.materials(), CaseParties.of(c, List.of(number)).getOrDefault(number, List.of()),
                        CasePauses.of(h, List.of(number)).getOrDefault(number, List.of()), CaseMails.of(h, List.of(number)).get(number)));
            }
        }
    }

    /** The fixed lists of cases: each a fixed WHERE/ORDER fragment; what varies is bound, never spliced. */
    enum Listing {
        /** all open cases, earliest deadline first */
        OPEN("WHERE state IN ('ACCEPTED', 'SPECIAL_STEPS') ORDER BY deadline"),
        /** the open cases of one department: department */
        OPEN_OF_DEPARTMENT("WHERE department_id = ? AND state IN ('ACCEPTED', 'SPECIAL_STEPS') ORDER BY deadline"),
        /** a department's back office: department */
        BACK_OFFICE("WHERE department_id = ? AND state IN ('ACCEPTED', 'SPECIAL_STEPS') ORDER BY deadline, accepted_at LIMIT 500"),
        /** the parts of a bundle: bundle number */
        BUNDLE_PARTS("WHERE bundle_no = ? ORDER BY case_no"),
        /** the latest cases: limit */
        LATEST("ORDER BY accepted_at DESC, case_no DESC LIMIT ?"),
        /** the latest cases of a department: department, limit */
        LATEST_OF_DEPARTMENT("WHERE department_id = ? ORDER BY accepted_at DESC, case_no DESC LIMIT ?"),
        /** the latest cases in a state: state, limit */
        LATEST_IN_STATE("WHERE state = ? ORDER BY accepted_at DESC, case_no DESC LIMIT ?"),
        /** the latest cases of a department in a state: department, state, limit */
        LATEST_OF_DEPARTMENT_IN_STATE("WHERE department_id = ? AND state = ? ORDER BY accepted_at DESC, case_no DESC LIMIT ?");

        private final String sql;

        Listing(String where) {
            this.sql = "SELECT " + COLUMNS + " FROM hall_case " + where;
        }
    }

    /** Lists cases; the materials of all of them are read in one more query, not one per case. */
    static List<HallCase> list(Handle h, Listing listing, Object... params) throws SQLException {
        Connection c = h.getConnection();
        List<HallCase> bare = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(listing.sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bare.add(map(rs, List.of()));
                }
            }
        }
        if (bare.isEmpty()) {
            return bare;
        }
        List<String> numbers = bare.stream().map(HallCase::number).toList();
        Map<String, List<CaseMaterial>> materials = materials(c, numbers);
        Map<String, List<CaseParties.Party>> parties = CaseParties.of(c, numbers);
        Map<String, List<CasePause>> pauses = CasePauses.of(h, numbers);
        Map<String, CaseMail> mails = CaseMails.of(h, numbers);
        return bare.stream().map(b -> withMaterials(b, materials.getOrDefault(b.number(), List.of()),
                parties.getOrDefault(b.number(), List.of()), pauses.getOrDefault(b.number(), List.of()), mails.get(b.number()))).toList();
    }

    /** Loads one bundle with its parts, locking its row for the rest of the transaction when {@code lock}. */
    static Optional<CaseBundle> bundle(Handle h, String number, boolean lock) throws SQLException {
        Connection c = h.getConnection();
        try (PreparedStatement ps = c.prepareStatement("SELECT bundle_no, name_zh, applicant_name, applicant_id, accepted_by, "
                + "accepted_at, delivered_at, applicant_id_kind FROM case_bundle WHERE bundle_no = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<HallCase> parts = list(h, Listing.BUNDLE_PARTS, number);
                Timestamp delivered = rs.getTimestamp(7);
                BundleState state = delivered != null ? BundleState.DELIVERED
                        : parts.stream().allMatch(p -> p.state() == CaseState.RESULT_READY) ? BundleState.READY : BundleState.IN_PROGRESS;
                return Optional.of(new CaseBundle(rs.getString(1), rs.getString(2), rs.getString(3),
                        CaseParties.mask(rs.getString(8), rs.getString(4), parts.isEmpty() ? "" : nationalityOf(parts.get(0))), state, parts, rs.getString(5),
                        rs.getTimestamp(6).toInstant(), Optional.ofNullable(delivered).map(Timestamp::toInstant)));
            }
        }
    }

    /** @return the stored check-code hash of a case, if the case exists */
    static Optional<String> checkHash(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT check_hash, bundle_no FROM hall_case WHERE case_no = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString("check_hash")) : Optional.empty();
            }
        }
    }

    private static String nationalityOf(HallCase part) {
        return part.applicant().nationality();
    }

    private static HallCase map(ResultSet rs, List<CaseMaterial> materials) throws SQLException {
        String number = rs.getString("case_no");
        Set<SpecialStep> steps = steps(rs.getString("special_steps"));
        steps.removeAll(steps(rs.getString("steps_done")));
        String bundle = rs.getString("bundle_no");
        String method = rs.getString("delivery_method");
        Date supplyBy = rs.getDate("supply_by");
        String idKind = rs.getString("applicant_id_kind");
        String nationality = rs.getString("applicant_nationality");
        String idMasked = CaseParties.mask(idKind, rs.getString("applicant_id"), nationality);
        String name = rs.getString("applicant_name");
        CaseApplicant applicant = new CaseApplicant(ApplicantKind.valueOf(rs.getString("applicant_kind")), name, idKind, idMasked,
                nationality, "", "", "", "", "", "", "", "", Optional.empty());
        return new HallCase(number, bundle == null ? "" : bundle, rs.getString("matter_code"), rs.getString("matter_revision"),
                rs.getString("matter_name"), rs.getString("department_id"), CaseChannel.valueOf(rs.getString("channel")),
                rs.getInt("window_no"), rs.getString("ticket_no"), name, idMasked, CaseState.valueOf(rs.getString("state")),
                materials, Optional.ofNullable(supplyBy).map(Date::toLocalDate), steps, rs.getString("accepted_by"),
                rs.getTimestamp("accepted_at").toInstant(), rs.getInt("committed_days"), rs.getDate("deadline").toLocalDate(),
                Optional.ofNullable(rs.getString("decision")).map(CaseState::valueOf), rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
                rs.getBoolean("signed_off_window"), Optional.ofNullable(method).map(DeliveryMethod::valueOf),
                rs.getString("delivery_detail"), rs.getString("tracking_no"), rs.getString("pickup_code"),
                instant(rs.getTimestamp("delivered_at")), instant(rs.getTimestamp("closed_at")), applicant, rs.getString("end_reason"),
                rs.getBigDecimal("fee_due"), Optional.ofNullable(rs.getBigDecimal("fee_charged")), rs.getInt("corrections"));
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
                    out.add(material(rs));
                }
            }
            return out;
        }
    }

    /** @return the materials of the cases, by case number, each case's in its order; one query for all */
    static Map<String, List<CaseMaterial>> materials(Connection c, List<String> numbers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT case_no, name, kind, received_at FROM case_material WHERE case_no = ANY(?) ORDER BY case_no, position")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", numbers.toArray()));
            Map<String, List<CaseMaterial>> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString("case_no"), n -> new ArrayList<>()).add(material(rs));
                }
            }
            return out;
        }
    }

    private static CaseMaterial material(ResultSet rs) throws SQLException {
        return new CaseMaterial(rs.getString("name"), MaterialKind.valueOf(rs.getString("kind")), rs.getTimestamp("received_at") != null);
    }

    private static HallCase withMaterials(HallCase h, List<CaseMaterial> materials, List<CaseParties.Party> parties, List<CasePause> pauses,
            CaseMail mail) {
        return new HallCase(h.number(), h.bundleNumber(), h.matterCode(), h.matterRevision(), h.matterNameZh(), h.departmentId(),
                h.channel(), h.window(), h.ticketNumber(), h.applicantName(), h.applicantIdMasked(), h.state(), materials,
                h.supplyBy(), h.pendingSteps(), h.acceptedBy(), h.acceptedAt(), h.committedDays(), h.deadline(), h.decision(),
                h.decidedBy(), h.decidedAt(), h.decisionReason(), h.signedOffAtWindow(), h.deliveryMethod(), h.deliveryDetail(),
                h.trackingNumber(), h.pickupCode(), h.deliveredAt(), h.closedAt(), CaseParties.withParties(h.applicant(), parties),
                h.endReason(), h.feeDue(), h.feeCharged(), h.corrections(), pauses, Optional.ofNullable(mail));
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
                    out.add(new CaseHistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("origin"),
                            rs.getString("action"), CaseState.valueOf(rs.getString("state")), rs.getString("detail")));
                }
            }
            return out;
        }
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
