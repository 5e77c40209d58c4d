package org.onedoor.api.cases;

import java.util.List;
import java.util.Map;

/**
 * An application to accept as a case.
 *
 * @param matterCode     the matter applied for
 * @param applicant      who applies
 * @param received       the names of the materials handed in
 * @param channel        window or online
 * @param window         the window whose called ticket this is (channel WINDOW), else 0
 * @param idempotencyKey a key that makes a retried request return the first case, or empty
 * @param fields         the application's fields by name, checked by the department's rules at acceptance
 *                       (the fields of {@code POST /matters/{code}/check}, e.g. {@code unitNumber}); since 1.7
 */
public record AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel,
        int window, String idempotencyKey, Map<String, String> fields) {

    /** An application without fields (a matter whose department has no rules on them). */
    public AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel, int window,
            String idempotencyKey) {
        this(matterCode, applicant, received, channel, window, idempotencyKey, Map.of());
    }

    public AcceptRequest {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        received = List.copyOf(received);
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
        if (channel == CaseChannel.WINDOW && window <= 0) {
            throw new IllegalArgumentException("a case accepted at a window needs the window number");
        }
    }
}
