package org.onedoor.core.internal.staff;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.StaffException;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;

/**
 * Runs one change of the staff registry (forms, duties, roster) in one transaction with its audit
 * events held in the {@link AuditOutbox}; a refused change is rolled back and audited as refused.
 */
final class StaffChanges {

    /** A committed change and its audit events still to be chained. */
    record Done<T>(T value, AuditOutbox.Held audit) {
    }

    private final HallDatabase database;
    private final AuditOutbox audit;

    StaffChanges(HallDatabase database, AuditOutbox audit) {
        this.database = database;
        this.audit = audit;
    }

    /** @return a done change holding the audit event in the transaction of {@code h} */
    <T> Done<T> done(Handle h, T value, AuditEvent event) {
        return new Done<>(value, audit.hold(h, event));
    }

    /** One change in one transaction; a refusal rolls it back and is audited as refused. */
    <T> T run(String action, HallPrincipal actor, String origin, String target, Function<Handle, Done<T>> work) {
        try {
            Done<T> done = database.inTransaction(work::apply);
            audit.deliver(done.audit());
            return done.value();
        } catch (StaffException e) {
            AuditOutbox.Held held = database.inTransaction(h -> audit.hold(h, new AuditEvent(action, actor.user(), origin, target,
                    AuditEvent.REFUSED, e.code() + ": " + shorten(e.getMessage()))));
            audit.deliver(held);
            throw e;
        }
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
