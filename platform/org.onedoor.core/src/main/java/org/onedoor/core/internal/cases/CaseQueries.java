package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.BundleState;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.citizen.ResidentIdNumber;

/**
 * The reads of cases and bundles: by number, lists, history, and the citizen's look-up with a
 * check code (run as a write transaction as it always was: it reads the hash and the case together).
 */
final class CaseQueries {

    private final CaseStore store;

    CaseQueries(CaseStore store) {
        this.store = store;
    }

    Optional<HallCase> find(String number) {
        return store.read((c, tx) -> CaseRows.load(tx.handle(), number, false));
    }

    Optional<HallCase> lookup(String number, String checkCode) {
        return store.write((c, tx) -> {
            Optional<String> hash = CaseRows.checkHash(tx.handle(), number);
            if (hash.isEmpty()) {
                return Optional.<HallCase>empty();
            }
            HallCase found = CaseRows.load(tx.handle(), number, false).orElseThrow();
            String salt = found.bundleNumber().isEmpty() ? number : found.bundleNumber();
            boolean matched = CheckCodes.matches(salt, checkCode, hash.get());
            return matched ? Optional.of(found) : Optional.<HallCase>empty();
        }).result();
    }

    List<HallCase> cases(CaseQuery q) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", q.limit());
        q.departmentId().ifPresent(d -> params.put("department", d));
        q.state().ifPresent(s -> params.put("state", s.name()));
        CaseRows.Listing listing = q.departmentId().isPresent()
                ? q.state().isPresent() ? CaseRows.Listing.OF_DEPARTMENT_IN_STATE : CaseRows.Listing.OF_DEPARTMENT
                : q.state().isPresent() ? CaseRows.Listing.IN_STATE : CaseRows.Listing.ALL;
        return store.read((c, tx) -> CaseRows.list(tx.handle(), listing, params));
    }

    List<HallCase> backOffice(String departmentId) {
        return store.read((c, tx) -> CaseRows.list(tx.handle(), CaseRows.Listing.BACK_OFFICE,
                Map.of("department", departmentId.toUpperCase(Locale.ROOT))));
    }

    List<CaseHistoryEntry> history(String number) {
        return store.read((c, tx) -> CaseRows.history(tx.handle(), number));
    }

    Optional<CaseBundle> bundle(String number) {
        return store.read((c, tx) -> bundle(tx.handle(), number, false));
    }

    /** A bundle's own row. */
    private record BundleRow(String number, String nameZh, String applicantName, String applicantId, String acceptedBy,
            Instant acceptedAt, Optional<Instant> deliveredAt) {
    }

    static Optional<CaseBundle> bundle(Handle h, String number, boolean lock) {
        String sql = "SELECT bundle_no, name_zh, applicant_name, applicant_id, accepted_by, accepted_at, delivered_at"
                + " FROM case_bundle WHERE bundle_no = :number";
        return h.createQuery(lock ? sql + " FOR UPDATE" : sql).bind("number", number)
                .map((rs, ctx) -> new BundleRow(rs.getString("bundle_no"), rs.getString("name_zh"), rs.getString("applicant_name"),
                        rs.getString("applicant_id"), rs.getString("accepted_by"), rs.getTimestamp("accepted_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("delivered_at")).map(Timestamp::toInstant)))
                .findFirst()
                .map(row -> {
                    List<HallCase> parts = CaseRows.list(h, CaseRows.Listing.BUNDLE_PARTS, Map.of("bundle", number));
                    BundleState state = row.deliveredAt().isPresent() ? BundleState.DELIVERED
                            : parts.stream().allMatch(p -> p.state() == CaseState.RESULT_READY) ? BundleState.READY : BundleState.IN_PROGRESS;
                    return new CaseBundle(row.number(), row.nameZh(), row.applicantName(), new ResidentIdNumber(row.applicantId()).masked(),
                            state, parts, row.acceptedBy(), row.acceptedAt(), row.deliveredAt());
                });
    }

    Optional<CaseBundle> lookupBundle(String number, String checkCode) {
        return store.write((c, tx) -> {
            Optional<String> hash = tx.handle().createQuery("SELECT check_hash FROM case_bundle WHERE bundle_no = :number")
                    .bind("number", number).map((rs, ctx) -> rs.getString("check_hash")).findFirst();
            if (hash.isEmpty() || !CheckCodes.matches(number, checkCode, hash.get())) {
                return Optional.<CaseBundle>empty();
            }
            return bundle(tx.handle(), number, false);
        }).result();
    }
}
