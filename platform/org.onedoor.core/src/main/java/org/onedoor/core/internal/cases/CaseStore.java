package org.onedoor.core.internal.cases;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseException;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.store.HallDatabase;

/**
 * Runs case changes as database transactions of the {@link HallDatabase} (which runs a change again
 * when it collided with a concurrent one on a unique key: two first cases of a day, two retries with
 * one idempotency key); what a change wants announced (events) is handed out only after it
 * committed, and what it wants recorded (audit events) is held with it in the {@link AuditOutbox}
 * and recorded in the audit trail after commit.
 */
final class CaseStore {

    /** The work of one transaction. */
    interface Work<T> {
        T run(Handle h, Tx tx);
    }

    /** A committed change, its events and its audit events, stored and waiting for the audit trail. */
    record Done<T>(T result, List<CaseEvent> events, AuditOutbox.Held held) {

        /** @return the audit events of the change */
        List<AuditEvent> audit() {
            return held.events();
        }
    }

    private final HallDatabase database;
    private final AuditOutbox outbox;
    private final Clock clock;

    CaseStore(HallDatabase database, AuditOutbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Clock clock() {
        return clock;
    }

    /** Runs the work in one transaction (run again by the database when it collided on a unique key). */
    <T> Done<T> write(Work<T> work) {
        try {
            return database.inTransaction(h -> {
                Tx tx = new Tx(h, now(), clock.getZone());
                T result = work.run(h, tx);
                AuditOutbox.Held held = outbox.hold(h, tx.audit);
                return new Done<>(result, List.copyOf(tx.events), held);
            });
        } catch (IllegalStateException e) {
            throw failed("the case change could not be stored: ", e);
        }
    }

    /** Records a committed change's audit events in the audit trail (what fails stays pending for the audit sweep). */
    void recordAudit(Done<?> done) {
        outbox.deliver(done.held());
    }

    <T> T read(Work<T> work) {
        try {
            return database.withHandle(h -> work.run(h, new Tx(h, now(), clock.getZone())));
        } catch (IllegalStateException e) {
            throw failed("the cases could not be read: ", e);
        }
    }

    /** A store failure (its cause an SQLException) with the message the cases always gave; others pass unchanged. */
    private static IllegalStateException failed(String what, IllegalStateException e) {
        return e.getCause() instanceof SQLException sql ? new IllegalStateException(what + sql.getMessage(), sql) : e;
    }

    /** What one transaction wants announced and recorded after commit. */
    static final class Tx {
        private final Handle handle;
        private final Instant at;
        private final ZoneId zone;
        private final List<CaseEvent> events = new ArrayList<>();
        private final List<AuditEvent> audit = new ArrayList<>();

        Tx(Handle handle, Instant at, ZoneId zone) {
            this.handle = handle;
            this.at = at;
            this.zone = zone;
        }

        /** @return the hall's day of the transaction's instant, in the hall clock's zone */
        LocalDate day() {
            return LocalDate.ofInstant(at, zone);
        }

        /** @return the JDBI handle of the transaction (the one the work gets) */
        Handle handle() {
            return handle;
        }

        Instant at() {
            return at;
        }

        void event(String type, String caseNumber, String bundleNumber, String departmentId, String state, int window) {
            events.add(new CaseEvent(type, caseNumber, bundleNumber, departmentId, state, window, at));
        }

        void audit(AuditEvent event) {
            audit.add(event);
        }
    }

    static CaseException notFound(String code, String message) {
        return new CaseException(CaseException.Reason.NOT_FOUND, code, message);
    }

    static CaseException invalid(String code, String message) {
        return new CaseException(CaseException.Reason.INVALID, code, message);
    }

    static CaseException refused(String code, String message) {
        return new CaseException(CaseException.Reason.REFUSED, code, message);
    }

    static CaseException conflict(String code, String message) {
        return new CaseException(CaseException.Reason.CONFLICT, code, message);
    }

    static CaseException forbidden(String code, String message) {
        return new CaseException(CaseException.Reason.FORBIDDEN, code, message);
    }
}
