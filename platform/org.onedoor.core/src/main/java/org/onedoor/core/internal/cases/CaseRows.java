package org.onedoor.core.internal.cases;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.SpecialStep;

/**
 * Reads cases, their materials and their history from the store: fixed queries only (a list is one
 * of the {@link Listing}s), rows read by column name, and the materials of a whole list in one query.
 */
final class CaseRows {

    private static final String COLUMNS = "case_no, bundle_no, matter_code, matter_revision, matter_name, department_id, channel, "
            + "window_no, ticket_no, applicant_name, applicant_id, state, special_steps, steps_done, supply_by, accepted_by, "
            + "accepted_at, committed_days, deadline, decision, decided_by, decided_at, decision_reason, signed_off_window, "
            + "delivery_method, delivery_detail, tracking_no, pickup_code, delivered_at, closed_at, check_hash, accepted_day";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM hall_case ";
    private static final String UNDECIDED = "state IN ('ACCEPTED', 'SPECIAL_STEPS')";
    private static final String NEWEST_FIRST = " ORDER BY accepted_at DESC, case_no DESC LIMIT :limit";

    /** The lists of cases there are; each names the parameters it binds. */
    enum Listing {
        /** Newest first, up to {@code :limit}. */
        ALL("WHERE 1 = 1" + NEWEST_FIRST),
        /** A department's ({@code :department}), newest first, up to {@code :limit}. */
        OF_DEPARTMENT("WHERE department_id = :department" + NEWEST_FIRST),
        /** In one state ({@code :state}), newest first, up to {@code :limit}. */
        IN_STATE("WHERE state = :state" + NEWEST_FIRST),
        /** A department's ({@code :department}) in one state ({@code :state}), newest first, up to {@code :limit}. */
        OF_DEPARTMENT_IN_STATE("WHERE department_id = :department AND state = :state" + NEWEST_FIRST),
        /** Every undecided case, the nearest deadline first. */
        UNDECIDED_BY_DEADLINE("WHERE " + UNDECIDED + " ORDER BY deadline"),
        /** A department's ({@code :department}) undecided cases, the nearest deadline first. */
        UNDECIDED_OF_DEPARTMENT("WHERE department_id = :department AND " + UNDECIDED + " ORDER BY deadline"),
        /** A department's ({@code :department}) back-office queue: undecided, nearest deadline first, up to 500. */
        BACK_OFFICE("WHERE department_id = :department AND " + UNDECIDED + " ORDER BY deadline, accepted_at LIMIT 500"),
        /** The parts of a bundle ({@code :bundle}), by number. */
        BUNDLE_PARTS("WHERE bundle_no = :bundle ORDER BY case_no");

        private final String sql;

        Listing(String rest) {
            this.sql = SELECT + rest;
        }
    }

    private CaseRows() {
    }

    /** Loads one case, locking its row for the rest of the transaction when {@code lock}. */
    static Optional<HallCase> load(Handle h, String number, boolean lock) {
        Query q = h.createQuery(lock ? SELECT + "WHERE case_no = :number FOR UPDATE" : SELECT + "WHERE case_no = :number")
                .bind("number", number);
        return withMaterials(h, q).stream().findFirst();
    }

    /**
     * @param params the named parameters the listing binds ({@code department}, {@code state}, {@code limit}, {@code bundle})
     * @return the listed cases with their materials (read in one more query for the whole list)
     */
    static List<HallCase> list(Handle h, Listing listing, Map<String, ?> params) {
        return withMaterials(h, h.createQuery(listing.sql).bindMap(params));
    }

    private static List<HallCase> withMaterials(Handle h, Query q) {
        List<Row> rows = q.map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<CaseMaterial>> materials = materials(h, rows.stream().map(Row::number).toList());
        return rows.stream().map(r -> r.make().apply(materials.getOrDefault(r.number(), List.of()))).toList();
    }

    /** @return the stored check-code hash of a case, if the case exists */
    static Optional<String> checkHash(Handle h, String number) {
        return h.createQuery("SELECT check_hash FROM hall_case WHERE case_no = :number").bind("number", number)
                .map((rs, ctx) -> rs.getString("check_hash")).findFirst();
    }

    /** A case row read: its number, and how the case is made once its materials are known. */
    private record Row(String number, Function<List<CaseMaterial>, HallCase> make) {
    }

    /** Reads the row's columns now; the case is made once its materials are known. */
    private static Row row(ResultSet rs) throws SQLException {
        String number = rs.getString("case_no");
        Set<SpecialStep> steps = steps(rs.getString("special_steps"));
        steps.removeAll(steps(rs.getString("steps_done")));
        String bundle = rs.getString("bundle_no");
        String method = rs.getString("delivery_method");
        Date supplyBy = rs.getDate("supply_by");
        String matterCode = rs.getString("matter_code");
        String revision = rs.getString("matter_revision");
        String matterName = rs.getString("matter_name");
        String department = rs.getString("department_id");
        CaseChannel channel = CaseChannel.valueOf(rs.getString("channel"));
        int window = rs.getInt("window_no");
        String ticket = rs.getString("ticket_no");
        String applicant = rs.getString("applicant_name");
        String applicantId = new ResidentIdNumber(rs.getString("applicant_id")).masked();
        CaseState state = CaseState.valueOf(rs.getString("state"));
        String acceptedBy = rs.getString("accepted_by");
        Instant acceptedAt = rs.getTimestamp("accepted_at").toInstant();
        int days = rs.getInt("committed_days");
        java.time.LocalDate deadline = rs.getDate("deadline").toLocalDate();
        Optional<CaseState> decision = Optional.ofNullable(rs.getString("decision")).map(CaseState::valueOf);
        String decidedBy = rs.getString("decided_by");
        Optional<Instant> decidedAt = instant(rs.getTimestamp("decided_at"));
        String reason = rs.getString("decision_reason");
        boolean signedOff = rs.getBoolean("signed_off_window");
        Optional<DeliveryMethod> delivery = Optional.ofNullable(method).map(DeliveryMethod::valueOf);
        String deliveryDetail = rs.getString("delivery_detail");
        String tracking = rs.getString("tracking_no");
        String pickupCode = rs.getString("pickup_code");
        Optional<Instant> deliveredAt = instant(rs.getTimestamp("delivered_at"));
        Optional<Instant> closedAt = instant(rs.getTimestamp("closed_at"));
        return new Row(number, materials -> new HallCase(number, bundle == null ? "" : bundle, matterCode, revision, matterName, department, channel,
                window, ticket, applicant, applicantId, state, materials, Optional.ofNullable(supplyBy).map(Date::toLocalDate), steps,
                acceptedBy, acceptedAt, days, deadline, decision, decidedBy, decidedAt, reason, signedOff, delivery, deliveryDetail,
                tracking, pickupCode, deliveredAt, closedAt));
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

    /** A material of a case as stored. */
    private record MaterialRow(String caseNumber, CaseMaterial material) {
    }

    /** @return the materials of the cases, each case's in its order, in one query */
    private static Map<String, List<CaseMaterial>> materials(Handle h, List<String> numbers) {
        Map<String, List<CaseMaterial>> out = new LinkedHashMap<>();
        h.createQuery("SELECT case_no, name, kind, received_at FROM case_material WHERE case_no IN (<numbers>) ORDER BY case_no, position")
                .bindList("numbers", numbers)
                .map((rs, ctx) -> new MaterialRow(rs.getString("case_no"), new CaseMaterial(rs.getString("name"),
                        MaterialKind.valueOf(rs.getString("kind")), rs.getTimestamp("received_at") != null)))
                .forEach(m -> out.computeIfAbsent(m.caseNumber(), n -> new ArrayList<>()).add(m.material()));
        return out;
    }

    static void history(Handle h, String number, Instant at, String actor, String origin, String action, CaseState state,
            String detail) {
        h.createUpdate("INSERT INTO case_history (case_no, at, actor, origin, action, state, detail)"
                + " VALUES (:number, :at, :actor, :origin, :action, :state, :detail)")
                .bind("number", number).bind("at", Timestamp.from(at)).bind("actor", cut(actor, 128)).bind("origin", cut(origin, 128))
                .bind("action", action).bind("state", state.name()).bind("detail", cut(detail, 1000))
                .execute();
    }

    static List<CaseHistoryEntry> history(Handle h, String number) {
        return h.createQuery("SELECT at, actor, origin, action, state, detail FROM case_history WHERE case_no = :number ORDER BY id")
                .bind("number", number)
                .map((rs, ctx) -> new CaseHistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("origin"),
                        rs.getString("action"), CaseState.valueOf(rs.getString("state")), rs.getString("detail")))
                .list();
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
