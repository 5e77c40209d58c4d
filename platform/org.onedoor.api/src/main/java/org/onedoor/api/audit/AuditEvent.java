package org.onedoor.api.audit;

/**
 * Something to record: an action by an actor from an origin on a target, and how it ended.
 *
 * @param action  what was done, a stable kebab-case word (e.g. {@code login}, {@code zone-disable})
 * @param actor   who did it: a user name, or {@code anonymous}
 * @param origin  where from: the client address, or {@code console}
 * @param target  what it was done to (e.g. a zone id, a user name), or {@code ""}
 * @param outcome {@code success}, {@code failure} or {@code refused}
 * @param detail  a short human description; never a password, token or unmasked citizen data
 */
public record AuditEvent(String action, String actor, String origin, String target, String outcome, String detail) {

    /** Outcome of an action that was done. */
    public static final String SUCCESS = "success";
    /** Outcome of an action that was tried and failed (e.g. a wrong password). */
    public static final String FAILURE = "failure";
    /** Outcome of an action refused by a rule (e.g. an unsigned plug-in). */
    public static final String REFUSED = "refused";
}
