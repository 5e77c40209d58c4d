package org.onedoor.core.internal.cases;

import java.sql.Date;
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
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
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

    private static final String SELECT = "SELECT " + COLUMNS + " FROM hall_case ";
    private static final String LOAD = SELECT + "WHERE case_no = :case";
    private static final String LOAD_FOR_UPDATE = LOAD + " FOR UPDATE";
    private static final String OPEN = "state IN ('ACCEPTED', 'SPECIAL_STEPS') ORDER BY deadline";
    private static final String LATEST = " ORDER BY accepted_at DESC, case_no DESC LIMIT :limit";
    private static final String BUNDLE_COLUMNS = "SELECT bundle_no, name_zh, applicant_name, applicant_id, accepted_by, accepted_at, "
            + "delivered_at, applicant_id_kind FROM case_bundle WHERE bundle_no = :bundle";

    /** A case row as stored, without its materials, parties, pauses and mail (read by their own queries). */
    static final RowMapper<HallCase> CASE_ROW = (rs, ctx) -> map(rs);

    /** A material of a case, with the case's number. */
    static final RowMapper<Map.Entry<String, CaseMaterial>> MATERIAL_ROW = (rs, ctx) -> Map.entry(rs.getString("case_no"),
            new CaseMaterial(rs.getString("name"), MaterialKind.valueOf(rs.getString("kind")), rs.getTimestamp("received_at") != null));

    /** A line of a case's history. */
    static final RowMapper<CaseHistoryEntry> HISTORY_ROW = (rs, ctx) -> new CaseHistoryEntry(rs.getTimestamp("at").toInstant(),
            rs.getString("actor"), rs.getString("origin"), rs.getString("action"), CaseState.valueOf(rs.getString("state")), rs.getString("detail"));

    /** A bundle row as stored, its parts read apart. */
    private record BundleRow(String number, String nameZh, String applicantName, String applicantId, String idKind, String acceptedBy,
            Instant acceptedAt, Optional<Instant> deliveredAt) {
    }

    private static final RowMapper<BundleRow> BUNDLE_ROW = (rs, ctx) -> new BundleRow(rs.getString("bundle_no"), rs.getString("name_zh"),
            rs.getString("applicant_name"), rs.getString("applicant_id"), rs.getString("applicant_id_kind"), rs.getString("accepted_by"),
            rs.getTimestamp("accepted_at").toInstant(), instant(rs.getTimestamp("delivered_at")));

    /** Loads one case, locking its row for the rest of the transaction when {@code lock}. */
    static Optional<HallCase> load(Handle h, String number, boolean lock) {
        return h.createQuery(lock ? LOAD_FOR_UPDATE : LOAD).bind("case", number).map(CASE_ROW).findOne()
                .map(bare -> complete(h, List.of(bare)).get(0));
    }

    /** @return all open cases, earliest deadline first */
    static List<HallCase> open(Handle h) {
        return complete(h, h.createQuery(SELECT + "WHERE " + OPEN).map(CASE_ROW).list());
    }

    /** @return the open cases of one department, earliest deadline first */
    static List<HallCase> openOf(Handle h, String departmentId) {
        return complete(h, h.createQuery(SELECT + "WHERE department_id = :department AND " + OPEN).bind("department", departmentId)
                .map(CASE_ROW).list());
    }

    /** @return a department's back office: its open cases, earliest deadline first, at most 500 */
    static List<HallCase> backOffice(Handle h, String departmentId) {
        return complete(h, h.createQuery(SELECT + "WHERE department_id = :department AND " + OPEN + ", accepted_at LIMIT 500")
                .bind("department", departmentId).map(CASE_ROW).list());
    }

    /** @return the parts of a bundle, by case number */
    static List<HallCase> parts(Handle h, String bundleNumber) {
        return complete(h, h.createQuery(SELECT + "WHERE bundle_no = :bundle ORDER BY case_no").bind("bundle", bundleNumber).map(CASE_ROW).list());
    }

    /**
     * @return the latest cases, newest first, at most {@code limit}: of one department and in one state when they are given
     *         (null: any); each combination its own fixed statement
     */
    static List<HallCase> latest(Handle h, String departmentId, CaseState state, int limit) {
        Query q;
        if (departmentId == null && state == null) {
            q = h.createQuery(SELECT + LATEST.strip());
        } else if (state == null) {
            q = h.createQuery(SELECT + "WHERE department_id = :department" + LATEST).bind("department", departmentId);
        } else if (departmentId == null) {
            q = h.createQuery(SELECT + "WHERE state = :state" + LATEST).bind("state", state.name());
        } else {
            q = h.createQuery(SELECT + "WHERE department_id = :department AND state = :state" + LATEST).bind("department", departmentId)
                    .bind("state", state.name());
        }
        return complete(h, q.bind("limit", limit).map(CASE_ROW).list());
    }

    /** @return the cases with their materials, parties, pauses and mail, each read in one query for all of them (not one per case) */
    private static List<HallCase> complete(Handle h, List<HallCase> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        List<String> numbers = bare.stream().map(HallCase::number).toList();
        Map<String, List<CaseMaterial>> materials = materials(h, numbers);
        Map<String, List<CaseParties.Party>> parties = CaseParties.of(h, numbers);
        Map<String, List<CasePause>> pauses = CasePauses.of(h, numbers);
        Map<String, CaseMail> mails = CaseMails.of(h, numbers);
        return bare.stream().map(b -> withMaterials(b, materials.getOrDefault(b.number(), List.of()),
                parties.getOrDefault(b.number(), List.of()), pauses.getOrDefault(b.number(), List.of()), mails.get(b.number()))).toList();
    }

    /** Loads one bundle with its parts, locking its row for the rest of the transaction when {@code lock}. */
    static Optional<CaseBundle> bundle(Handle h, String number, boolean lock) {
        return h.createQuery(BUNDLE_COLUMNS + (lock ? " FOR UPDATE" : "")).bind("bundle", number).map(BUNDLE_ROW).findOne().map(b -> {
            List<HallCase> parts = parts(h, number);
            BundleState state = b.deliveredAt().isPresent() ? BundleState.DELIVERED
                    : parts.stream().allMatch(p -> p.state() == CaseState.RESULT_READY) ? BundleState.READY : BundleState.IN_PROGRESS;
            return new CaseBundle(b.number(), b.nameZh(), b.applicantName(),
                    CaseParties.mask(b.idKind(), b.applicantId(), parts.isEmpty() ? "" : nationalityOf(parts.get(0))), state, parts, b.acceptedBy(),
                    b.acceptedAt(), b.deliveredAt());
        });
    }

    /** @return the stored check-code hash of a case, if the case exists */
    static Optional<String> checkHash(Handle h, String number) {
        return h.createQuery("SELECT check_hash FROM hall_case WHERE case_no = :case").bind("case", number)
                .map((rs, ctx) -> rs.getString("check_hash")).findOne();
    }

    private static String nationalityOf(HallCase part) {
        return part.applicant().nationality();
    }

    private static HallCase map(ResultSet rs) throws SQLException {
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
                List.of(), Optional.ofNullable(supplyBy).map(Date::toLocalDate), steps, rs.getString("accepted_by"),
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

    /** @return the materials of the cases, by case number, each case's in its order; one query for all */
    static Map<String, List<CaseMaterial>> materials(Handle h, List<String> numbers) {
        Map<String, List<CaseMaterial>> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT case_no, name, kind, received_at FROM case_material WHERE case_no IN (<numbers>) ORDER BY case_no, position")
                .bindList("numbers", numbers).map(MATERIAL_ROW).forEach(e -> out.computeIfAbsent(e.getKey(), n -> new ArrayList<>()).add(e.getValue()));
        return out;
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

    /** Writes a line of the case's history. */
    static void history(Handle h, String number, Instant at, String actor, String origin, String action, CaseState state, String detail) {
        h.createUpdate("INSERT INTO case_history (case_no, at, actor, origin, action, state, detail) "
                + "VALUES (:case, :at, :actor, :origin, :action, :state, :detail)")
                .bind("case", number).bind("at", Timestamp.from(at)).bind("actor", cut(actor, 128)).bind("origin", cut(origin, 128))
                .bind("action", action).bind("state", state.name()).bind("detail", cut(detail, 1000)).execute();
    }

    /** @return the case's history, oldest first */
    static List<CaseHistoryEntry> history(Handle h, String number) {
        return h.createQuery("SELECT at, actor, origin, action, state, detail FROM case_history WHERE case_no = :case ORDER BY id")
                .bind("case", number).map(HISTORY_ROW).list();
    }

    static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
