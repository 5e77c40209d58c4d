package org.onedoor.core.internal.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.cluster.HallCluster;
import org.onedoor.api.hall.HallClock;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail in the table {@code audit_record} as one hash chain: each append locks the
 * chain's head row, links the new records to the last one and moves the head, in one transaction,
 * so nodes sharing the database write a single chain. Records arriving on this node while an
 * append runs wait and go together in the next one (one transaction, one lock, for many records).
 * Citizen ID and phone numbers are masked.
 */
@Component(service = AuditTrail.class)
public final class JdbcAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditTrail.class);
    private static final int MAX_BATCH = 200;

    private final HallDatabase database;
    private final Clock clock;
    private final Supplier<String> fixedNode;
    /** Records waiting to be appended; whichever caller holds {@link #writer} appends all of them in one transaction. */
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Object writer = new Object();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public JdbcAuditTrail(@Reference HallDatabase database, @Reference HallClock clock) {
        this(database, clock.clock(), null);
    }

    /** @param node the node id every record names; null: the cluster member's id, else the kept one */
    JdbcAuditTrail(HallDatabase database, Clock clock, Supplier<String> node) {
        this.database = database;
        this.clock = clock;
        this.fixedNode = node;
    }

    @Override
    public AuditRecord record(AuditEvent e) {
        AuditEvent cut = new AuditEvent(cut(e.action(), 64), cut(e.actor(), 128), cut(e.origin(), 128),
                cut(CitizenDataMasking.mask(e.target()), 256), cut(e.outcome(), 16), cut(CitizenDataMasking.mask(e.detail()), 1000));
        Pending mine = new Pending(cut, cut(node(), 64));
        pending.add(mine);
        synchronized (writer) {
            while (!mine.done) {
                List<Pending> batch = new ArrayList<>();
                for (Pending p = pending.poll(); p != null; p = batch.size() < MAX_BATCH ? pending.poll() : null) {
                    batch.add(p);
                }
                append(batch);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.stored;
    }

    /**
     * Appends a batch of records in one transaction with the chain's head locked, and marks each
     * done with its stored record, or all with the failure. Called holding {@link #writer}.
     */
    private void append(List<Pending> batch) {
        try {
            List<AuditRecord> records = database.inTransaction(h -> chain(h, batch));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored = records.get(i);
            }
        } catch (RuntimeException ex) {
            for (Pending p : batch) {
                p.failure = new IllegalStateException("cannot write the audit record of " + p.event.action() + ": " + ex.getMessage(), ex);
            }
        } finally {
            for (Pending p : batch) {
                if (p.stored == null && p.failure == null) {
                    p.failure = new IllegalStateException("the audit record of " + p.event.action() + " was not written");
                }
                p.done = true;
            }
        }
    }

    /** Links the batch to the locked head and moves the head, in the handle's transaction; a retry starts again from the head. */
    private List<AuditRecord> chain(Handle h, List<Pending> batch) {
        ChainHead.CatchUp caught = ChainHead.lock(h).catchUp(h);
        if (caught.chained() > 0) {
            LOG.info("OneDoor audit: {} record(s) written before the trail became a hash chain are now chained", caught.chained());
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // stored as the JDBC driver stores every instant of the hall database (Timestamp in the node's zone)
        LocalDateTime stored = Timestamp.from(at).toLocalDateTime();
        long id = caught.nextId();
        String prev = caught.head().lastHash();
        ChainedRow row = null;
        List<AuditRecord> records = new ArrayList<>();
        for (Pending p : batch) {
            row = new ChainedRow(id++, stored, p.node, p.event, null, null).chainedTo(prev);
            row.insert(h);
            prev = row.hash();
            records.add(new AuditRecord(row.id(), at, p.event, p.node));
        }
        ChainHead.moveTo(h, row);
        return records;
    }

    @Override
    public List<AuditRecord> recent(String action, String actor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        }
        try {
            return database.withHandle(h -> {
                Query q = h.createQuery("SELECT id, at, action, actor, origin, target, outcome, detail, node FROM audit_record"
                        + " WHERE (:action IS NULL OR action = :action) AND (:actor IS NULL OR actor = :actor)"
                        + " ORDER BY id DESC LIMIT :limit");
                return q.bind("action", action).bind("actor", actor).bind("limit", limit)
                        .map((rs, ctx) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                                new AuditEvent(rs.getString("action"), rs.getString("actor"), rs.getString("origin"),
                                        rs.getString("target"), rs.getString("outcome"), rs.getString("detail")), rs.getString("node")))
                        .list();
            });
        } catch (RuntimeException ex) {
            throw new IllegalStateException("cannot read the audit trail: " + ex.getMessage(), ex);
        }
    }

    @Override
    public AuditVerification verify() {
        try {
            database.useTransaction(h -> ChainHead.lock(h).catchUp(h));
            return database.withHandle(ChainCheck::run);
        } catch (RuntimeException ex) {
            throw new IllegalStateException("cannot check the audit trail: " + ex.getMessage(), ex);
        }
    }

    /** A record waiting for its append; its fields are written and read holding {@link #writer}. */
    private static final class Pending {
        final AuditEvent event;
        final String node;
        boolean done;
        AuditRecord stored;
        RuntimeException failure;

        Pending(AuditEvent event, String node) {
            this.event = event;
            this.node = node;
        }
    }

    private String node() {
        if (fixedNode != null) {
            return fixedNode.get();
        }
        HallCluster member = cluster;
        return member != null ? member.nodeId() : NodeName.kept();
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
