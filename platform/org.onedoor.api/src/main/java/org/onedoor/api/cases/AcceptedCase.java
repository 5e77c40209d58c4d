package org.onedoor.api.cases;

/**
 * A case just accepted, with the check code the applicant needs to look it up; the hall keeps only
 * a hash of the code, so this is the one time it can be printed.
 *
 * @param hallCase  the case
 * @param checkCode six digits for the applicant's receipt
 * @param replayed  true when an earlier request with the same idempotency key made the case (then
 *                  the check code is empty: it was given out the first time)
 */
public record AcceptedCase(HallCase hallCase, String checkCode, boolean replayed) {
}
