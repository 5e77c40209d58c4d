package org.onedoor.api.cases;

/**
 * A bundle just accepted with the check code for the applicant (valid for the bundle and each part).
 *
 * @param bundle    the bundle
 * @param checkCode six digits, given out only now
 * @param replayed  true when an earlier request with the same idempotency key made it (check code empty)
 */
public record AcceptedBundle(CaseBundle bundle, String checkCode, boolean replayed) {
}
