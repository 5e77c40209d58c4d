package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.matter.OneThing;
import org.onedoor.api.matter.OneThings;

/**
 * Acceptance of a "one thing" bundle (R11): every part planned as a single case would be (materials, the departments'
 * rules on the bundle's fields), then the bundle and all its parts written in one change; a bundle taken from the
 * catalog ({@link OneThings}) must consist of the entry's matters and carries its name and code.
 */
final class CaseBundleIntake {

    private final CaseIntake intake;
    private final CaseChanges changes;
    private final CaseStore store;
    private final OneThings oneThings;

    CaseBundleIntake(CaseIntake intake, CaseChanges changes, CaseStore store, OneThings oneThings) {
        this.intake = intake;
        this.changes = changes;
        this.store = store;
        this.oneThings = oneThings;
    }

    /** Accepts every part or none, in one change; a catalog entry's parts must be its matters and its name is the entry's. */
    AcceptedBundle accept(BundleRequest r, CaseActor actor, LocalDate day) {
        String name = r.oneThing().isEmpty() ? r.nameZh().strip() : oneThing(r).nameZh();
        List<CaseIntake.Plan> plans = new ArrayList<>();
        for (BundleRequest.Part part : r.parts()) {
            try {
                plans.add(intake.plan(part.matterCode(), part.received(), day, true, CaseIntake.fields(r.fields(), r.applicant())));
            } catch (CaseException e) {
                throw new CaseException(e.reason(), e.code(), "“一件事”中的事项 " + part.matterCode() + "：" + e.getMessage(), e.field());
            }
        }
        String code = CheckCodes.newCode();
        Accepted<String> number = changes.change((h, tx) -> {
            CaseIntake.Counter at = intake.counter(h, r.channel(), r.window(), actor, plans.stream().map(CaseIntake.Plan::matter).toList());
            if (!r.idempotencyKey().isEmpty()) {
                Optional<String> earlier = CaseIntake.byKey(h, CaseIntake.Keyed.BUNDLE, r.idempotencyKey());
                if (earlier.isPresent()) {
                    return Accepted.replay(earlier.get());
                }
            }
            String bundle = CaseNumbers.next(h, CaseNumbers.BUNDLE_SCOPE, day);
            String hash = CheckCodes.hash(bundle, code);
            h.createUpdate("INSERT INTO case_bundle (bundle_no, check_hash, name_zh, applicant_name, applicant_id, accepted_by, "
                    + "accepted_at, idempotency_key, applicant_id_kind, one_thing) VALUES (:bundle, :checkHash, :name, :applicantName, "
                    + ":applicantId, :by, :at, :key, :idKind, :oneThing)")
                    .bind("bundle", bundle).bind("checkHash", hash).bind("name", name).bind("applicantName", r.applicant().name())
                    .bind("applicantId", r.applicant().identifier()).bind("by", at.actor().user()).bind("at", Timestamp.from(tx.at()))
                    .bind("key", r.idempotencyKey().isEmpty() ? null : r.idempotencyKey()).bind("idKind", CaseParties.idKind(r.applicant()))
                    .bind("oneThing", r.oneThing()).execute();
            for (CaseIntake.Plan p : plans) {
                String part = CaseNumbers.next(h, p.matter().departmentId(), day);
                intake.insertCase(h, tx, part, hash, bundle, p, r.applicant(), r.channel(), at, null);
            }
            tx.audit(new AuditEvent("bundle-accept", at.actor().user(), at.actor().origin(), bundle, AuditEvent.SUCCESS,
                    "受理“一件事”：" + name + (r.oneThing().isEmpty() ? "" : "（目录 " + r.oneThing() + "）") + "，" + plans.size() + " 个事项"));
            tx.event("BUNDLE_ACCEPTED", "", bundle, "", "", at.window());
            return Accepted.made(bundle);
        });
        CaseBundle b = store.read((h, tx) -> CaseRows.bundle(h, number.value(), false)).orElseThrow();
        return new AcceptedBundle(b, number.replayed() ? "" : code, number.replayed());
    }

    /**
     * @return the catalog entry a bundle request names; INVALID {@code unknown-one-thing} ({@code oneThing}) when there is none,
     *         {@code one-thing-parts} ({@code parts}) when the parts are not its matters
     */
    private OneThing oneThing(BundleRequest r) {
        OneThing entry = oneThings.oneThing(r.oneThing()).orElseThrow(() -> new CaseException(CaseException.Reason.INVALID,
                "unknown-one-thing", "目录中没有“一件事” " + r.oneThing() + " (no such one-thing bundle in the catalog)", "oneThing"));
        Set<String> asked = Set.copyOf(r.parts().stream().map(BundleRequest.Part::matterCode).toList());
        if (!asked.equals(Set.copyOf(entry.matterCodes()))) {
            throw new CaseException(CaseException.Reason.INVALID, "one-thing-parts", "“" + entry.nameZh() + "”由事项 "
                    + String.join("、", entry.matterCodes()) + " 组成，申请的事项为 " + String.join("、", asked.stream().sorted().toList())
                    + " (the parts must be the entry's matters)", "parts");
        }
        return entry;
    }

}
