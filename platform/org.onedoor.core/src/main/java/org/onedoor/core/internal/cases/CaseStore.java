package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.CaseEvent;
import org.onedoor.api.cases.CaseException;
import org.onedoor.store.HallDatabase;

/**
 * Runs case changes as database transactions; what a change wants announced (events) is handed
 * out only after it committed, and what it wants recorded (audit events) is stored with it and
 * recorded in the audit trail after commit ({@link CaseAuditOutbox}).
 */
final class CaseStore {

    /** The work of one transaction. */
    interface Work<T> {
        T run(Connection c, Tx tx) throws SQLException;
    }

    /** A committed change, its events and its audit events, stored and waiting for the audit trail. */
    record Done<T>(T result, List<CaseEvent> events, List<CaseAuditOutbox.Pending> pending) {

        /** @return the audit events of the change */
        List<AuditEvent> audit() {
            return pending.stream().map(CaseAuditOutbox.Pending::event).toList();
        }
    }

    private final DataSource dataSource;
    private final HallDatabase database;
    private final Clock clock;

    CaseStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.database = new HallDatabase(dataSource);
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Clock clock() {
        return clock;
    }

    /**
     * Runs the work in one transaction of the hall's database; when it collides with a concurrent
     * one on a unique key (two first cases of a day, two retries with one idempotency key), the
     * database runs it again ({@link HallDatabase#inTransaction}). Each attempt starts with an empty
     * {@link Tx}, so a retried change announces and records only what its last attempt did.
     */
    <T> Done<T> write(Work<T> work) {
        return database.inTransaction(h -> {
            Connection c = h.getConnection();
            Tx tx = new Tx(now());
            T result = work.run(c, tx);
            List<CaseAuditOutbox.Pending> pending = CaseAuditOutbox.hold(c, tx.at, tx.audit);
            return new Done<>(result, List.copyOf(tx.events), pending);
        });
    }

    /** Records a committed change's audit events in the audit trail (what fails stays pending for {@link #sweepAudit}). */
    void recordAudit(Done<?> done, AuditTrail audit) {
        CaseAuditOutbox.deliver(dataSource, audit, done.pending());
    }

    /** Records audit events of earlier changes that were left pending; see {@link CaseAuditOutbox#sweep}. */
    int sweepAudit(AuditTrail audit) {
        return CaseAuditOutbox.sweep(dataSource, audit, now());
    }

    <T> T read(Work<T> work) {
        return database.withHandle(h -> work.run(h.getConnection(), new Tx(now())));
    }

    /** What one transaction wants announced and recorded after commit. */
    static final class Tx {
        private final Instant at;
        private final List<CaseEvent> events = new ArrayList<>();
        private final List<AuditEvent> audit = new ArrayList<>();

        Tx(Instant at) {
            this.at = at;
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
