package org.onedoor.api.cases;

import java.util.List;

/**
 * An application to accept as a case.
 *
 * @param matterCode     the matter applied for
 * @param applicant      who applies
 * @param received       the names of the materials handed in
 * @param channel        window or online
 * @param window         the window whose called ticket this is (channel WINDOW), else 0
 * @param idempotencyKey a key that makes a retried request return the first case, or empty
 */
public record AcceptRequest(String matterCode, Applicant applicant, List<String> received, CaseChannel channel,
        int window, String idempotencyKey) {

    public AcceptRequest {
        received = List.copyOf(received);
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
        if (channel == CaseChannel.WINDOW && window <= 0) {
            throw new IllegalArgumentException("a case accepted at a window needs the window number");
        }
    }
}
