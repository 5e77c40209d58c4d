package org.onedoor.api.cases;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.matter.SpecialStep;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The flow of a case (R3, R6, R9): acceptance, materials, special steps, decision, result,
 * delivery, closing; offered by the core.
 *
 * <p>Every method blocks on the database and may be called from any thread but the event loop.
 * Every change is stored, written to the case's history and the hall's audit trail, and announced
 * on {@link CaseEvents} after commit. Refusals are {@link CaseException}s; a move the state
 * diagram does not allow is CONFLICT {@code illegal-transition}.
 */
@ProviderType
public interface HallCases {

    /**
     * Accepts an application. A missing main material refuses it (REFUSED {@code missing-main-material},
     * naming the material); missing tolerable materials are allowed and get a supply deadline (R9).
     * At a window, the window's clerk must be signed in there with a called or served ticket.
     * The department's rules run on the request's fields ({@code MatterCatalog.check}, as for the check
     * route): a problem refuses the case, INVALID {@code rule-failed} naming the field ({@code fields.<name>}).
     */
    AcceptedCase accept(AcceptRequest request, CaseActor actor);

    /**
     * Refuses an application at acceptance (不予受理, 行政许可法第三十二条) with its reason: the refusal is
     * recorded as a case in state REFUSED_TO_ACCEPT with a number and a check code, so its notice can be
     * printed and the applicant can look it up; the materials handed in are recorded as they were (a
     * missing main material may be the reason). The same window rules as {@link #accept} apply.
     * A blank reason is INVALID {@code reason-required}.
     */
    AcceptedCase refuse(AcceptRequest request, String reason, CaseActor actor);

    /**
     * The applicant withdraws the application at the window before the decision (WITHDRAWN); the
     * clerk must hold a window. A decided case is CONFLICT {@code illegal-transition}.
     */
    HallCase withdraw(String number, String reason, CaseActor actor);

    /**
     * The department terminates an undecided case (终止办理, e.g. materials not supplied in time) with a
     * reason; by an approver or department user of the case's department.
     */
    HallCase terminate(String number, String reason, CaseActor actor);

    /**
     * Corrects a wrong decided result (R12): a new decision with its reason replaces the old one, the
     * original stays in the history, the case goes back to the new decision's state (its result is made
     * ready and delivered again) and supervision gets a {@link AlertKind#CORRECTED_RESULT} alert. By an
     * approver or department user of the case's department; CONFLICT {@code not-decided} for an undecided
     * case, {@code result-in-locker} while the old result waits in a pickup locker.
     */
    HallCase correct(String number, boolean approve, String reason, CaseActor actor);

    /** Records materials handed in after acceptance (tolerable ones missing at acceptance). */
    HallCase supply(String number, List<String> materials, CaseActor actor);

    /**
     * Records a special step as done; the first one moves the case to SPECIAL_STEPS. When the step was
     * begun ({@link #startStep}) its pause ends: the clock runs again and the deadline moves on by the
     * working days it stood still.
     */
    HallCase completeStep(String number, SpecialStep step, CaseActor actor);

    /**
     * Begins a special step of the case's matter (hearing, site survey, expert review, mapping; R6): the
     * case moves to SPECIAL_STEPS and its time limit is paused until the step is done ({@link #completeStep}).
     * By an approver or department user of the case's department; CONFLICT {@code step-not-pending} for a
     * step the matter does not ask for or already done, {@code step-running} while another step runs (since 1.7).
     */
    HallCase startStep(String number, SpecialStep step, CaseActor actor);

    /**
     * On-the-spot sign-off at the window (R6): only by staff named in an authorization letter of
     * the matter's department for that matter, only for matters without special steps
     * (FORBIDDEN otherwise), only with every material received.
     */
    HallCase signOff(String number, boolean approve, String reason, CaseActor actor);

    /**
     * The same, recording the fee charged at the window against the matter's fee rule: a fee different
     * from the matter's (a fee on a free matter) raises a {@link AlertKind#FEE_MISMATCH} alert.
     */
    HallCase signOff(String number, boolean approve, String reason, Optional<BigDecimal> feeCharged, CaseActor actor);

    /**
     * The back office's decision: by an approver or department user of the case's department
     * (FORBIDDEN otherwise), only with every material received and every special step done.
     * A rejection needs a reason. Once the supply-by day of a case accepted with tolerance has passed
     * with a material still missing (R9), the department may reject it (or terminate it) all the same;
     * an approval still waits for the material.
     */
    HallCase decide(String number, boolean approve, String reason, CaseActor actor);

    /** The same, recording the fee charged against the matter's fee rule (see {@link #signOff(String, boolean, String, Optional, CaseActor)}). */
    HallCase decide(String number, boolean approve, String reason, Optional<BigDecimal> feeCharged, CaseActor actor);

    /** The result (certificate or decision letter) is ready for delivery. */
    HallCase resultReady(String number, CaseActor actor);

    /**
     * Hands the result over. A case of a bundle is delivered with its bundle only (CONFLICT
     * {@code deliver-with-bundle}). A pickup-locker delivery first deposits the result in a free door
     * of the cabinet ({@link Delivery#cabinet()}, else the configured or only cabinet) with the case
     * number as reference, then records the delivery with the locker's pickup code; when the deposit
     * is refused the case stays RESULT_READY: INVALID {@code cabinet-required}, CONFLICT
     * {@code unknown-cabinet} or {@code no-free-door}, UNAVAILABLE {@code locker-unavailable} or
     * {@code cabinet-offline}. When the citizen opens the door with the code the case is closed.
     */
    HallCase deliver(String number, Delivery delivery, CaseActor actor);

    /** Closes a delivered case. */
    HallCase close(String number, CaseActor actor);

    /** @return the case, if it exists */
    Optional<HallCase> find(String number);

    /**
     * The citizen's look-up: the case (or bundle part) if number and check code match; empty
     * otherwise, without saying which was wrong. Never locks a number (anyone may guess it): callers
     * limit wrong look-ups per client address and overall.
     */
    Optional<HallCase> lookup(String number, String checkCode);

    /** @return the matching cases, newest first */
    List<HallCase> cases(CaseQuery query);

    /** @return the department's back-office queue: undecided cases, oldest deadline first */
    List<HallCase> backOffice(String departmentId);

    /** @return the case's own trace, oldest first */
    List<CaseHistoryEntry> history(String number);

    /**
     * @param number a case number
     * @return the hall that accepted the case and the hall whose department handles it (R13), if the case exists
     * @since 1.9
     */
    Optional<CaseHalls> halls(String number);
}
