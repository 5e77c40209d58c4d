package org.onedoor.api.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.onedoor.api.citizen.CitizenDataMasking;

/**
 * A complaint and how far it has come (R20).
 *
 * @param number       {@code TS-yyyyMMdd-NNNN}, numbered per hall day
 * @param channel      where it came in
 * @param kind         what it is about
 * @param state        where it stands
 * @param complainant  the complainant's name
 * @param phone        the number to call back
 * @param departmentId the unit complained about, empty until the hall assigns it
 * @param caseNumber   the case it concerns, or empty
 * @param window       the window it concerns, or 0
 * @param text         what happened
 * @param receivedAt   when it was taken in
 * @param receivedBy   the staff member who entered it, or {@code citizen}
 * @param replyDue     the last working day for the unit's reply (for the hall's assignment while received)
 * @param reply        the unit's latest reply, or empty
 * @param rounds       how many replies the unit has given (a reply not accepted asks for another)
 * @param accepted     whether the complainant accepted the reply, once asked
 * @param closedAt     when it was closed
 * @param closing      the hall's note on closing, or empty
 * @param escalatedAt  when the hall was told the reply is late
 */
public record Complaint(String number, ComplaintChannel channel, ComplaintKind kind, ComplaintState state,
        String complainant, String phone, String departmentId, String caseNumber, int window, String text,
        Instant receivedAt, String receivedBy, LocalDate replyDue, String reply, int rounds,
        Optional<Boolean> accepted, Optional<Instant> closedAt, String closing, Optional<Instant> escalatedAt) {

    /** @return the complainant's name with all but its first character hidden, for the unit's views */
    public String maskedComplainant() {
        return complainant.isEmpty() ? "" : complainant.substring(0, 1) + "*".repeat(Math.max(1, complainant.length() - 1));
    }

    /** @return the phone number with its middle hidden */
    public String maskedPhone() {
        return CitizenDataMasking.maskPhone(phone);
    }
}
