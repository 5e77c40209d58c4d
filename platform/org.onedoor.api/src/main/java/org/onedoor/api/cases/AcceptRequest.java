package org.onedoor.api.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application to accept as a case.
 *
 * @param matterCode     the matter applied for
 * @param applicant      who applies
 * @param received       the names of the materials handed in
 * @param channel        window or online
 * @param window         the window whose called ticket this is (channel WINDOW), else 0
 * @param idempotencyKey a key that makes a retried request return the first case, or empty
 * @param handlingHallId the hall of the city whose department handles the case (same-city handling, R13:
 *                       accepted at a universal window of another hall), or empty for the hall of
 *                       acceptance; since 1.9
 * @param fields         the application's fields by name, checked by the department's rules at acceptance
 *                       (the fields of {@code POST /matters/{code}/check}, e.g. {@code unitNumber}); since 1.7
 * @param mailTo         where the result is to be mailed free (R13), recorded on the case: it is then delivered by mail unless
 *                       the applicant asks otherwise; required for a case accepted on a public holiday (365 service, R14); since 1.11
 */
public record AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel,
        int window, String idempotencyKey, String handlingHallId, Map<String, String> fields, Optional<MailAddress> mailTo) {

    public AcceptRequest {
        mailTo = mailTo == null ? Optional.empty() : mailTo;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        received = List.copyOf(received);
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
        handlingHallId = handlingHallId == null ? "" : handlingHallId;
        if (channel == CaseChannel.WINDOW && window <= 0) {
            throw new IllegalArgumentException("a case accepted at a window needs the window number");
        }
        if (!handlingHallId.isEmpty() && !org.onedoor.api.hall.Hall.validId(handlingHallId)) {
            throw new IllegalArgumentException("handlingHallId must be a hall id, was '" + handlingHallId + "'");
        }
    }

    /** An application without a mail address (as before 1.11). */
    public AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel,
            int window, String idempotencyKey, String handlingHallId, Map<String, String> fields) {
        this(matterCode, applicant, received, channel, window, idempotencyKey, handlingHallId, fields, Optional.empty());
    }

    /** @return the same application, to be mailed to {@code address} */
    public AcceptRequest withMailTo(MailAddress address) {
        return new AcceptRequest(matterCode, applicant, received, channel, window, idempotencyKey, handlingHallId, fields,
                Optional.of(address));
    }

    /** An application handled in the hall of acceptance, without fields (a matter whose department has no rules on them). */
    public AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel, int window,
            String idempotencyKey) {
        this(matterCode, applicant, received, channel, window, idempotencyKey, "", Map.of());
    }

    /** An application handled in the hall of acceptance, with the fields the department's rules check. */
    public AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel, int window,
            String idempotencyKey, Map<String, String> fields) {
        this(matterCode, applicant, received, channel, window, idempotencyKey, "", fields);
    }

    /** An application without fields, handled by another hall's department (R13). */
    public AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel, int window,
            String idempotencyKey, String handlingHallId) {
        this(matterCode, applicant, received, channel, window, idempotencyKey, handlingHallId, Map.of());
    }
}
