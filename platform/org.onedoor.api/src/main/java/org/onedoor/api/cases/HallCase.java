package org.onedoor.api.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.SpecialStep;

/**
 * A case: one application for one matter, from acceptance to closing.
 *
 * @param number           the hall case number, readable: department, acceptance day, daily sequence
 *                         (e.g. {@code A17-20261127-0003})
 * @param bundleNumber     the "one thing" bundle it belongs to, or empty
 * @param matterCode       the matter
 * @param matterRevision   the matter's revision at acceptance; the case keeps it
 * @param matterNameZh     the matter's Chinese name at acceptance
 * @param departmentId     the approving department
 * @param channel          window or online
 * @param window           the accepting window, 0 for online
 * @param ticketNumber     the called ticket it was accepted for, empty if none
 * @param applicantName    the applicant's name
 * @param applicantIdMasked the applicant's identifier, masked: the identity document's number (an 18-character one keeps its first 3
 *                         and last 4 characters) or a legal person's unified social credit code
 * @param state            where it is
 * @param materials        the matter's materials and which were received
 * @param supplyBy         the day by which missing tolerable materials are due, if any are missing
 * @param pendingSteps     the special steps still to do before the decision
 * @param acceptedBy       the clerk who accepted it
 * @param acceptedAt       when
 * @param committedDays    the committed time limit in working days (0: immediate)
 * @param deadline         the last day of the time limit on the working-day calendar
 * @param decision         APPROVED or REJECTED once decided (the state moves on, this stays)
 * @param decidedBy        who decided, empty while undecided
 * @param decidedAt        when, if decided
 * @param decisionReason   the reasons given with the decision, empty while undecided
 * @param signedOffAtWindow true when decided on the spot at the window under an authorization letter (R6)
 * @param deliveryMethod   how the result was delivered, if it was
 * @param deliveryDetail   the issuance window, locker door or mail address, empty if none
 * @param trackingNumber   the mail tracking number, empty if none
 * @param pickupCode       the locker pickup code, empty if none
 * @param deliveredAt      when delivered, if delivered
 * @param closedAt         when closed (or ended: refused, withdrawn, terminated), if closed
 * @param applicant        the applicant with every identifier masked: kind, document, legal representative, agent
 * @param endReason        why the case ended without a decision (refused to accept, withdrawn, terminated), else empty
 * @param feeDue           the matter's fee in yuan at acceptance (zero: a free matter)
 * @param feeCharged       the fee recorded as charged, if one was recorded
 * @param corrections      how often the decided result was corrected (R12); the originals are in the history
 * @param pauses           the special procedures that paused its time limit, oldest first (R6; since 1.7)
 * @param mail             the mail address recorded for its result, masked (R13/R14; since 1.11)
 */
public record HallCase(String number, String bundleNumber, String matterCode, String matterRevision, String matterNameZh,
        String departmentId, CaseChannel channel, int window, String ticketNumber, String applicantName,
        String applicantIdMasked, CaseState state, List<CaseMaterial> materials, Optional<LocalDate> supplyBy,
        Set<SpecialStep> pendingSteps, String acceptedBy, Instant acceptedAt, int committedDays, LocalDate deadline,
        Optional<CaseState> decision, String decidedBy, Optional<Instant> decidedAt, String decisionReason, boolean signedOffAtWindow,
        Optional<DeliveryMethod> deliveryMethod, String deliveryDetail, String trackingNumber, String pickupCode,
        Optional<Instant> deliveredAt, Optional<Instant> closedAt, CaseApplicant applicant, String endReason, BigDecimal feeDue,
        Optional<BigDecimal> feeCharged, int corrections, List<CasePause> pauses, Optional<CaseMail> mail) {

    public HallCase {
        mail = mail == null ? Optional.empty() : mail;
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        materials = List.copyOf(materials);
        pendingSteps = Set.copyOf(pendingSteps);
        applicant = applicant == null ? CaseApplicant.residentOnly(applicantName, applicantIdMasked) : applicant;
        endReason = endReason == null ? "" : endReason;
        feeDue = feeDue == null ? BigDecimal.ZERO : feeDue;
        feeCharged = feeCharged == null ? Optional.empty() : feeCharged;
    }

    /** A case without a mail address (as before 1.11). */
    public HallCase(String number, String bundleNumber, String matterCode, String matterRevision, String matterNameZh,
            String departmentId, CaseChannel channel, int window, String ticketNumber, String applicantName,
            String applicantIdMasked, CaseState state, List<CaseMaterial> materials, Optional<LocalDate> supplyBy,
            Set<SpecialStep> pendingSteps, String acceptedBy, Instant acceptedAt, int committedDays, LocalDate deadline,
            Optional<CaseState> decision, String decidedBy, Optional<Instant> decidedAt, String decisionReason, boolean signedOffAtWindow,
            Optional<DeliveryMethod> deliveryMethod, String deliveryDetail, String trackingNumber, String pickupCode,
            Optional<Instant> deliveredAt, Optional<Instant> closedAt, CaseApplicant applicant, String endReason, BigDecimal feeDue,
            Optional<BigDecimal> feeCharged, int corrections, List<CasePause> pauses) {
        this(number, bundleNumber, matterCode, matterRevision, matterNameZh, departmentId, channel, window, ticketNumber, applicantName,
                applicantIdMasked, state, materials, supplyBy, pendingSteps, acceptedBy, acceptedAt, committedDays, deadline, decision,
                decidedBy, decidedAt, decisionReason, signedOffAtWindow, deliveryMethod, deliveryDetail, trackingNumber, pickupCode,
                deliveredAt, closedAt, applicant, endReason, feeDue, feeCharged, corrections, pauses, Optional.empty());
    }

    /** A case whose time limit was never paused. */
    public HallCase(String number, String bundleNumber, String matterCode, String matterRevision, String matterNameZh,
            String departmentId, CaseChannel channel, int window, String ticketNumber, String applicantName,
            String applicantIdMasked, CaseState state, List<CaseMaterial> materials, Optional<LocalDate> supplyBy,
            Set<SpecialStep> pendingSteps, String acceptedBy, Instant acceptedAt, int committedDays, LocalDate deadline,
            Optional<CaseState> decision, String decidedBy, Optional<Instant> decidedAt, String decisionReason, boolean signedOffAtWindow,
            Optional<DeliveryMethod> deliveryMethod, String deliveryDetail, String trackingNumber, String pickupCode,
            Optional<Instant> deliveredAt, Optional<Instant> closedAt, CaseApplicant applicant, String endReason, BigDecimal feeDue,
            Optional<BigDecimal> feeCharged, int corrections) {
        this(number, bundleNumber, matterCode, matterRevision, matterNameZh, departmentId, channel, window, ticketNumber, applicantName,
                applicantIdMasked, state, materials, supplyBy, pendingSteps, acceptedBy, acceptedAt, committedDays, deadline, decision,
                decidedBy, decidedAt, decisionReason, signedOffAtWindow, deliveryMethod, deliveryDetail, trackingNumber, pickupCode,
                deliveredAt, closedAt, applicant, endReason, feeDue, feeCharged, corrections, List.of());
    }

    /** A case as it was before applicants of other kinds, endings and fees: a resident, no fee, no correction. */
    public HallCase(String number, String bundleNumber, String matterCode, String matterRevision, String matterNameZh,
            String departmentId, CaseChannel channel, int window, String ticketNumber, String applicantName,
            String applicantIdMasked, CaseState state, List<CaseMaterial> materials, Optional<LocalDate> supplyBy,
            Set<SpecialStep> pendingSteps, String acceptedBy, Instant acceptedAt, int committedDays, LocalDate deadline,
            Optional<CaseState> decision, String decidedBy, Optional<Instant> decidedAt, String decisionReason, boolean signedOffAtWindow,
            Optional<DeliveryMethod> deliveryMethod, String deliveryDetail, String trackingNumber, String pickupCode,
            Optional<Instant> deliveredAt, Optional<Instant> closedAt) {
        this(number, bundleNumber, matterCode, matterRevision, matterNameZh, departmentId, channel, window, ticketNumber, applicantName,
                applicantIdMasked, state, materials, supplyBy, pendingSteps, acceptedBy, acceptedAt, committedDays, deadline, decision,
                decidedBy, decidedAt, decisionReason, signedOffAtWindow, deliveryMethod, deliveryDetail, trackingNumber, pickupCode,
                deliveredAt, closedAt, null, "", BigDecimal.ZERO, Optional.empty(), 0, List.of());
    }

    /** @return the way its result is to be delivered unless the applicant asks otherwise: MAIL when an address was recorded at acceptance (since 1.11) */
    public Optional<DeliveryMethod> deliveryPreference() {
        return mail.filter(CaseMail::atAcceptance).map(m -> DeliveryMethod.MAIL);
    }

    /** @return the special procedure running now, which holds the case's clock (since 1.7) */
    public Optional<CasePause> runningPause() {
        return pauses.stream().filter(CasePause::running).findFirst();
    }

    /** @return the names of the tolerable materials still missing (R9) */
    public List<String> missingMaterials() {
        return materials.stream().filter(m -> !m.received() && m.kind() == MaterialKind.TOLERABLE).map(CaseMaterial::name).toList();
    }
}
