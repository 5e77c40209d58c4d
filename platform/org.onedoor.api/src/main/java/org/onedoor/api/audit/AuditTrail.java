package org.onedoor.api.audit;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Appends events to the hall's audit trail, kept in the database, and reads them back; there is
 * no way to change or remove a record. The records form one hash chain (each record carries the
 * SHA-256 of its fields and of the record before it), so a change made behind the trail's back,
 * straight in the database, is found by {@link #verify()}.
 *
 * <p>Every method blocks on the database; call it off the event loop. Over-long fields are cut
 * to the column sizes (action 64, actor and origin 128, target 256, detail 1000 characters).
 */
@ProviderType
public interface AuditTrail {

    /** @return the record as stored */
    AuditRecord record(AuditEvent event);

    /**
     * @param action only records of this action, or null for every action
     * @param actor  only records of this actor, or null for every actor
     * @param limit  at most this many, 1 to 1000
     * @return the newest matching records first
     */
    List<AuditRecord> recent(String action, String actor, int limit);

    /**
     * Checks the whole chain, oldest record first, against the stored hashes and the chain's head.
     * Reads every record once; on a large trail this takes a while.
     *
     * @return whether the chain is intact and, if not, the first altered or missing record
     */
    AuditVerification verify();
}
