package org.onedoor.api.audit;

/**
 * The outcome of checking the hash chain of the audit trail from its first record to its head.
 *
 * @param intact        whether every record matches its hash and links to the one before it
 * @param checked       how many records were checked (up to and including the first broken one)
 * @param firstBrokenId the id of the first altered or missing record; 0 when intact
 * @param problem       what is wrong there: {@link #ALTERED}, {@link #MISSING}, {@link #UNLINKED}, or {@code ""} when intact
 * @param detail        a sentence for people saying what was found; {@code ""} when intact
 */
public record AuditVerification(boolean intact, long checked, long firstBrokenId, String problem, String detail) {

    /** The record's fields (or its stored hash) no longer give its stored hash. */
    public static final String ALTERED = "altered";
    /** A record is missing: a gap before this id, or records after the last one are gone. */
    public static final String MISSING = "missing";
    /**
     * The record's own hash holds, but the record after it (or the chain's head) links to another
     * hash: the record was altered and its hash recomputed, or the link after it was rewritten.
     */
    public static final String UNLINKED = "unlinked";

    /** @return an intact result over {@code checked} records */
    public static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, 0, "", "");
    }

    /** @return a broken result naming the first broken record */
    public static AuditVerification broken(long checked, long firstBrokenId, String problem, String detail) {
        return new AuditVerification(false, checked, firstBrokenId, problem, detail);
    }
}
