package org.onedoor.core.internal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.hall.HallClock;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a change of the core is audited: the change's audit events are stored in its own
 * transaction ({@link #hold}), so that they commit or roll back with it, and after the commit they
 * are appended to the hall's audit trail ({@link #deliver}) and forgotten. A node dying (or the
 * trail failing) between the commit and the record loses no audit line: {@link #sweep} records, on
 * any node, what was left for longer than {@link #GRACE}, at least once.
 *
 * <p>Used by the services of the core, which take the acting user as a parameter; web routes and
 * shell commands do not audit on their own.
 */
@Component(service = AuditOutbox.class)
public final class AuditOutbox {

    /** How long an event may wait for its own transaction's caller before the sweep takes it over. */
    public static final Duration GRACE = Duration.ofMinutes(1);

    /** The events of one transaction, stored and not yet in the audit trail. */
    public record Held(List<Long> ids, List<AuditEvent> events) {
        public Held {
            ids = List.copyOf(ids);
            events = List.copyOf(events);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AuditOutbox.class);

    private final HallDatabase database;
    private final AuditTrail trail;
    private final HallClock clock;

    @Activate
    public AuditOutbox(@Reference HallDatabase database, @Reference AuditTrail trail, @Reference HallClock clock) {
        this.database = database;
        this.trail = trail;
        this.clock = clock;
    }

    /** Stores the events in the transaction of the handle; they are recorded only if it commits. */
    public Held hold(Handle h, List<AuditEvent> events) {
        List<Long> ids = new ArrayList<>();
        Instant at = clock.now();
        for (AuditEvent e : events) {
            ids.add(h.createUpdate("INSERT INTO audit_pending (action, actor, origin, target, outcome, detail, created_at)"
                    + " VALUES (:action, :actor, :origin, :target, :outcome, :detail, :at)")
                    .bind("action", cut(e.action(), 64)).bind("actor", cut(e.actor(), 128)).bind("origin", cut(e.origin(), 128))
                    .bind("target", cut(e.target(), 256)).bind("outcome", cut(e.outcome(), 16)).bind("detail", cut(e.detail(), 1000))
                    .bind("at", at)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }
        return new Held(ids, events);
    }

    /** @see #hold(Handle, List) */
    public Held hold(Handle h, AuditEvent event) {
        return hold(h, List.of(event));
    }

    /** After the commit: records each event in the audit trail, then forgets it; a failure leaves it for the sweep. */
    public void deliver(Held held) {
        for (int i = 0; i < held.ids().size(); i++) {
            AuditEvent event = held.events().get(i);
            try {
                trail.record(event);
            } catch (RuntimeException ex) {
                LOG.error("Audit record of {} on {} could not be written now: {}; it is kept and recorded later",
                        event.action(), event.target(), ex.getMessage());
                continue;
            }
            forget(held.ids().get(i));
        }
    }

    private void forget(long id) {
        try {
            database.withHandle(h -> h.createUpdate("DELETE FROM audit_pending WHERE id = :id").bind("id", id).execute());
        } catch (IllegalStateException e) {
            LOG.warn("Recorded audit event {} stays pending ({}); the sweep may record it once more", id, e.getMessage());
        }
    }

    /** A stored event left behind. */
    private record Left(long id, AuditEvent event) {
    }

    /**
     * Records events left behind for longer than {@link #GRACE}: each is claimed first (so that one
     * node records it), recorded, then forgotten. A node dying after recording and before
     * forgetting makes a later sweep record it again: a duplicate line rather than a lost one.
     *
     * @return how many were recorded
     */
    public int sweep() {
        Instant now = clock.now();
        Instant stale = now.minus(GRACE);
        List<Left> left = database.withHandle(h -> h.createQuery("SELECT id, action, actor, origin, target, outcome, detail"
                + " FROM audit_pending WHERE created_at < :stale AND (claimed_at IS NULL OR claimed_at < :stale) ORDER BY id LIMIT 500")
                .bind("stale", stale)
                .map((rs, ctx) -> new Left(rs.getLong("id"), new AuditEvent(rs.getString("action"), rs.getString("actor"),
                        rs.getString("origin"), rs.getString("target"), rs.getString("outcome"), rs.getString("detail"))))
                .list());
        int recorded = 0;
        for (Left l : left) {
            int claimed = database.withHandle(h -> h.createUpdate("UPDATE audit_pending SET claimed_at = :now WHERE id = :id"
                    + " AND (claimed_at IS NULL OR claimed_at < :stale)")
                    .bind("now", now).bind("id", l.id()).bind("stale", stale).execute());
            if (claimed != 1) {
                continue;
            }
            trail.record(l.event());
            forget(l.id());
            recorded++;
        }
        if (recorded > 0) {
            LOG.warn("Recorded {} audit event(s) of changes that were left pending", recorded);
        }
        return recorded;
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
