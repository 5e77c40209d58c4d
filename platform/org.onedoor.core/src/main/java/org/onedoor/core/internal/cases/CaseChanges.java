package org.onedoor.core.internal.cases;

import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.HallCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a case changes: one transaction of the {@link CaseStore}, whose audit events are recorded and
 * whose events are published after commit; a move of one case locks its row, applies the move,
 * and writes the case's history, audit event and event. A refused change is recorded in the audit trail.
 */
final class CaseChanges {

    private static final Logger LOG = LoggerFactory.getLogger(CaseChanges.class);

    private final CaseStore store;
    private final AuditTrail audit;
    private final CaseEventHub hub;

    CaseChanges(CaseStore store, AuditTrail audit, CaseEventHub hub) {
        this.store = store;
        this.audit = audit;
        this.hub = hub;
    }

    /** Runs {@code work} in one transaction; after commit records its audit events and publishes its events. */
    <T> T change(CaseStore.Work<T> work) {
        CaseStore.Done<T> done = store.write(work);
        store.recordAudit(done);
        hub.publish(done.events());
        return done.result();
    }

    /** Records a refused action in the audit trail; a failure to record is logged, never thrown over the refusal. */
    void refusedAudit(String action, CaseActor actor, String target, CaseException e) {
        try {
            audit.record(new AuditEvent(action, actor.user(), actor.origin(), target, AuditEvent.REFUSED, e.code() + ": " + e.getMessage()));
        } catch (RuntimeException ex) {
            LOG.error("Audit record of refused {} on {} could not be written: {}", action, target, ex.getMessage());
        }
    }

    /** One move of one case in its transaction, its actor first bound to a window as the move's use says; returns the history detail. */
    interface Move {
        String apply(Handle h, CaseStore.Tx tx, HallCase before);
    }

    HallCase move(String number, CaseActor claimant, WindowBinding.Use use, String action, String eventType, Move move) {
        return change((h, tx) -> {
            CaseActor actor = use.bind(h, claimant);
            HallCase before = CaseRows.load(h, number == null ? "" : number.strip(), true)
                    .orElseThrow(() -> CaseStore.notFound("unknown-case", "没有办件 " + number));
            String detail = move.apply(h, tx, before);
            HallCase after = CaseRows.load(h, before.number(), false).orElseThrow();
            CaseRows.history(h, after.number(), tx.at(), actor.user(), actor.origin(), action, after.state(), detail);
            tx.audit(new AuditEvent(action, actor.user(), actor.origin(), after.number(), AuditEvent.SUCCESS,
                    before.state() + " → " + after.state() + "：" + detail));
            tx.event(eventType, after.number(), after.bundleNumber(), after.departmentId(), after.state().name(), after.window());
            return after;
        });
    }
}
