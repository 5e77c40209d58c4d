package org.onedoor.web.internal.cases;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.cases.AuthorizationLetter;
import org.onedoor.api.cases.CaseApplicant;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseMail;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.MailCarrier;
import org.onedoor.api.cases.CasePause;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.ConversionFlag;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.OfficerCall;
import org.onedoor.api.cases.RatingSummary;
import org.onedoor.api.cases.SupervisionAlert;

/** JSON views of cases for staff and (masked further) for citizens. */
public final class CaseJson {

    private CaseJson() {
    }

    /**
     * The staff view: everything but the unmasked identity number and the locker pickup code (that
     * is the citizen's: it is in the answer to the delivery, see {@link #handedOver}, and in the citizen's look-up).
     */
    static JsonObject staff(HallCase h, CaseTiming timing) {
        JsonObject json = citizen(h);
        if (json.getValue("delivery") instanceof JsonObject delivery) {
            delivery.remove("pickupCode");
        }
        json.put("applicant", applicant(h.applicant()))
                .put("channel", h.channel().name())
                .put("window", h.window())
                .put("ticketNumber", h.ticketNumber())
                .put("acceptedBy", h.acceptedBy())
                .put("next", new JsonArray(h.state().next().stream().map(Enum::name).toList()));
        h.mail().ifPresent(m -> json.put("mail", mail(m, m.recipient())));
        withTiming(json, timing);
        json.put("decidedBy", h.decidedBy()).put("signedOffAtWindow", h.signedOffAtWindow());
        return json;
    }

    /**
     * Adds the case against its time limit: the light, the working days used and paused (R6, R10), whether the clock
     * stands still now, and the deadline moved on by the paused days (replacing the stored one, which moves only when
     * a procedure ends).
     */
    static JsonObject withTiming(JsonObject json, CaseTiming timing) {
        if (timing != null) {
            json.put("timing", new JsonObject().put("light", timing.light().name()).put("usedDays", timing.usedDays())
                    .put("pausedDays", timing.pausedDays()).put("paused", timing.paused()).put("deadline", timing.deadline().toString()));
            json.put("deadline", timing.deadline().toString());
        }
        return json;
    }

    /** The citizen's view with the time limit (see {@link #withTiming}). */
    static JsonObject citizen(HallCase h, CaseTiming timing) {
        return withTiming(citizen(h), timing);
    }

    /** The legal clock of a case: its special procedures that paused the time limit, and whether one runs now. */
    static JsonObject clock(HallCase h) {
        JsonArray pauses = new JsonArray();
        for (CasePause p : h.pauses()) {
            pauses.add(new JsonObject().put("step", p.step().name()).put("stepZh", p.step().chinese()).put("startedAt", p.startedAt().toString())
                    .put("endedAt", p.endedAt().map(Object::toString).orElse(null)));
        }
        return new JsonObject().put("paused", h.runningPause().isPresent() && h.state().undecided())
                .put("step", h.runningPause().map(p -> p.step().name()).orElse(null)).put("pauses", pauses);
    }

    /** The citizen's view: no staff names, the applicant's name and number masked. */
    static JsonObject citizen(HallCase h) {
        JsonArray materials = new JsonArray();
        for (CaseMaterial m : h.materials()) {
            materials.add(new JsonObject().put("name", m.name()).put("kind", m.kind().name()).put("received", m.received()));
        }
        JsonObject json = new JsonObject()
                .put("number", h.number())
                .put("bundleNumber", h.bundleNumber())
                .put("matter", new JsonObject().put("code", h.matterCode()).put("nameZh", h.matterNameZh()).put("revision", h.matterRevision()))
                .put("departmentId", h.departmentId())
                .put("applicant", new JsonObject().put("kind", h.applicant().kind().name())
                        .put("name", h.applicant().kind() == ApplicantKind.PERSON ? maskName(h.applicantName()) : h.applicantName())
                        .put("documentKind", h.applicant().documentKind()).put("idNumber", h.applicantIdMasked())
                        .put("agent", h.applicant().hasAgent()))
                .put("state", h.state().name())
                .put("stateZh", h.state().chinese())
                .put("materials", materials)
                .put("missingMaterials", new JsonArray(h.missingMaterials()))
                .put("supplyBy", h.supplyBy().map(Object::toString).orElse(null))
                .put("pendingSteps", new JsonArray(h.pendingSteps().stream().sorted().map(Enum::name).toList()))
                .put("clock", clock(h))
                .put("acceptedAt", h.acceptedAt().toString())
                .put("committedDays", h.committedDays())
                .put("deadline", h.deadline().toString())
                .put("decision", h.decision().map(Enum::name).orElse(null))
                .put("decisionReason", h.decisionReason())
                .put("decidedAt", h.decidedAt().map(Object::toString).orElse(null))
                .put("closedAt", h.closedAt().map(Object::toString).orElse(null))
                .put("endReason", h.endReason())
                .put("corrections", h.corrections())
                .put("fee", new JsonObject().put("due", h.feeDue().toPlainString())
                        .put("charged", h.feeCharged().map(BigDecimal::toPlainString).orElse(null)));
        if (h.deliveryMethod().isPresent()) {
            json.put("delivery", new JsonObject().put("method", h.deliveryMethod().get().name()).put("detail", h.deliveryDetail())
                    .put("trackingNumber", h.trackingNumber()).put("pickupCode", h.pickupCode())
                    .put("deliveredAt", h.deliveredAt().map(Object::toString).orElse(null)));
        } else {
            json.putNull("delivery");
        }
        json.put("deliveryPreference", h.deliveryPreference().map(Enum::name).orElse(null));
        json.put("mail", h.mail().map(m -> mail(m, maskName(m.recipient()))).orElse(null));
        return json;
    }

    /** The mail address of a case (R13/R14): the phone and the street detail always masked, the recipient as given. */
    static JsonObject mail(CaseMail m, String recipient) {
        return new JsonObject().put("recipient", recipient).put("phone", m.phoneMasked()).put("province", m.province())
                .put("city", m.city()).put("district", m.district()).put("street", m.streetMasked())
                .put("carrier", m.carrier().map(Enum::name).orElse(null))
                .put("carrierZh", m.carrier().map(MailCarrier::chinese).orElse(null))
                .put("carrierEn", m.carrier().map(MailCarrier::english).orElse(null))
                .put("atAcceptance", m.atAcceptance());
    }

    /** The staff view of a case just delivered, for the clerk who hands the pickup code to the citizen. */
    static JsonObject handedOver(JsonObject staffView, HallCase h) {
        if (staffView.getValue("delivery") instanceof JsonObject delivery && !h.pickupCode().isEmpty()) {
            delivery.put("pickupCode", h.pickupCode());
        }
        return staffView;
    }

    /** The staff view of a bundle just delivered: each part with its pickup code. */
    static JsonObject handedOver(CaseBundle b) {
        JsonObject json = bundle(b, true);
        JsonArray parts = json.getJsonArray("parts");
        for (int i = 0; i < parts.size(); i++) {
            handedOver(parts.getJsonObject(i), b.parts().get(i));
        }
        return json;
    }

    /**
     * The applicant for staff: names in full, every identifier masked (document or credit code, the legal
     * representative's and the agent's documents, the agent's phone).
     */
    static JsonObject applicant(CaseApplicant a) {
        JsonObject json = new JsonObject().put("kind", a.kind().name()).put("kindZh", a.kind().chinese()).put("name", a.name())
                .put("documentKind", a.documentKind()).put("idNumber", a.identifierMasked());
        if (!a.nationality().isEmpty()) {
            json.put("nationality", a.nationality());
        }
        if (!a.representativeName().isEmpty()) {
            json.put("legalRepresentative", new JsonObject().put("name", a.representativeName())
                    .put("documentKind", a.representativeDocumentKind()).put("idNumber", a.representativeIdMasked()));
        }
        if (a.hasAgent()) {
            json.put("agent", new JsonObject().put("name", a.agentName()).put("documentKind", a.agentDocumentKind())
                    .put("idNumber", a.agentIdMasked()).put("phone", a.agentPhoneMasked()).put("powerOfAttorney", a.powerOfAttorney())
                    .put("powerOfAttorneyDate", a.powerOfAttorneyDate().map(Object::toString).orElse(null)));
        } else {
            json.putNull("agent");
        }
        return json;
    }

    static String maskName(String name) {
        if (name.length() <= 1) {
            return "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    static JsonObject bundle(CaseBundle b, boolean staff) {
        JsonArray parts = new JsonArray();
        b.parts().forEach(p -> parts.add(staff ? staff(p, null) : citizen(p)));
        JsonObject json = new JsonObject().put("number", b.number()).put("nameZh", b.nameZh())
                .put("applicant", new JsonObject().put("name", staff ? b.applicantName() : maskName(b.applicantName()))
                        .put("idNumber", b.applicantIdMasked()))
                .put("state", b.state().name()).put("parts", parts).put("acceptedAt", b.acceptedAt().toString())
                .put("deliveredAt", b.deliveredAt().map(Object::toString).orElse(null));
        if (staff) {
            json.put("acceptedBy", b.acceptedBy());
        }
        return json;
    }

    /**
     * The staff view of a bundle for a reader acting for one department (approver, department user):
     * its own department's parts in full, of every other part only that it exists, with its number,
     * department and state; no applicant, materials, staff or decision of another department.
     */
    static JsonObject bundleFor(CaseBundle b, String department) {
        JsonObject json = bundle(b, true);
        JsonArray parts = json.getJsonArray("parts");
        for (int i = 0; i < parts.size(); i++) {
            HallCase p = b.parts().get(i);
            if (!p.departmentId().equals(department)) {
                parts.set(i, new JsonObject().put("number", p.number()).put("bundleNumber", p.bundleNumber())
                        .put("departmentId", p.departmentId()).put("state", p.state().name()).put("stateZh", p.state().chinese())
                        .put("restricted", true));
            }
        }
        return json;
    }

    static JsonObject history(CaseHistoryEntry e) {
        return new JsonObject().put("at", e.at().toString()).put("actor", e.actor()).put("origin", e.origin()).put("action", e.action())
                .put("state", e.state().name()).put("detail", e.detail());
    }

    static JsonObject letter(AuthorizationLetter l) {
        return new JsonObject().put("id", l.id()).put("departmentId", l.departmentId()).put("staff", l.staff())
                .put("matters", new JsonArray(l.matterCodes().stream().sorted().toList())).put("filedBy", l.filedBy())
                .put("filedAt", l.filedAt().toString()).put("revokedAt", l.revokedAt().map(Object::toString).orElse(null))
                .put("kind", l.kind().map(Enum::name).orElse(null)).put("kindZh", l.kind().map(k -> k.chinese()).orElse(null))
                .put("staffId", l.staffId() == 0 ? null : l.staffId())
                .put("validFrom", l.validFrom().map(Object::toString).orElse(null))
                .put("validUntil", l.validUntil().map(Object::toString).orElse(null))
                .put("hallFiledBy", l.hallFiledBy().orElse(null)).put("hallFiledAt", l.hallFiledAt().map(Object::toString).orElse(null));
    }

    static JsonObject call(OfficerCall c) {
        return new JsonObject().put("id", c.id()).put("caseNumber", c.caseNumber()).put("departmentId", c.departmentId())
                .put("officer", c.officer()).put("notifiedAt", c.notifiedAt().toString()).put("expectedBy", c.expectedBy().toString())
                .put("arrivedAt", c.arrivedAt().map(Object::toString).orElse(null));
    }

    static JsonObject alert(SupervisionAlert a) {
        return new JsonObject().put("kind", a.kind().name()).put("departmentId", a.departmentId()).put("subject", a.subject())
                .put("detail", a.detail()).put("since", a.since().toString());
    }

    static JsonObject flag(ConversionFlag f) {
        JsonArray reasons = new JsonArray();
        if (f.byCases()) {
            reasons.add("CASES");
        }
        if (f.bySlowComplaints()) {
            reasons.add("SLOW_COMPLAINTS");
        }
        return new JsonObject().put("departmentId", f.departmentId()).put("month", f.month().toString()).put("cases", f.cases())
                .put("threshold", f.threshold()).put("slowComplaints", f.slowComplaints())
                .put("slowComplaintThreshold", f.slowComplaintThreshold()).put("reasons", reasons);
    }

    static JsonArray summaries(java.util.List<RatingSummary> list) {
        JsonArray out = new JsonArray();
        list.forEach(s -> out.add(new JsonObject().put("subject", s.subject()).put("count", s.count()).put("average", s.average())
                .put("bad", s.bad())));
        return out;
    }

    static JsonObject event(CaseEvent e) {
        return new JsonObject().put("type", e.type()).put("caseNumber", e.caseNumber()).put("bundleNumber", e.bundleNumber())
                .put("departmentId", e.departmentId()).put("state", e.state()).put("window", e.window()).put("at", e.at().toString());
    }
}
