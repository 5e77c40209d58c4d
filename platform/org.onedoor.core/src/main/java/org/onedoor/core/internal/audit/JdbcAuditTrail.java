package org.onedoor.core.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.api.cluster.HallCluster;
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

    private final DataSource dataSource;
    private final Clock clock;
    private final Supplier<String> fixedNode;
    /** Records waiting to be appended; whichever caller holds {@link #writer} appends all of them in one transaction. */
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Object writer = new Object();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HallCluster cluster;

    @Activate
    public JdbcAuditTrail(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC(), null);
    }

    /** @param node the node id every record names; null: the cluster member's id, else the kept one */
    JdbcAuditTrail(DataSource dataSource, Clock clock, Supplier<String> node) {
        this.dataSource = dataSource;
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ChainHead.CatchUp caught = ChainHead.lock(c).catchUp(c);
                if (caught.chained() > 0) {
                    LOG.info("OneDoor audit: {} record(s) written before the trail became a hash chain are now chained", caught.chained());
                }
                Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                LocalDateTime stored = LocalDateTime.ofInstant(at, ZoneId.systemDefault());
                long id = caught.nextId();
                String prev = caught.head().lastHash();
                ChainedRow row = null;
                List<AuditRecord> records = new ArrayList<>();
                for (Pending p : batch) {
                    row = new ChainedRow(id++, stored, p.node, p.event, null, null).chainedTo(prev);
                    insert(c, row);
                    prev = row.hash();
                    records.add(new AuditRecord(row.id(), at, p.event, p.node));
                }
                ChainHead.moveTo(c, row);
                c.commit();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).stored = records.get(i);
                }
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException | RuntimeException ex) {
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

    @Override
    public List<AuditRecord> recent(String action, String actor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT id, at, action, actor, origin, target, outcome, detail, node FROM audit_record WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (action != null) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getTimestamp(2).toInstant(), new AuditEvent(rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), rs.getString(9)));
                }
            }
            return records;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the audit trail: " + ex.getMessage(), ex);
        }
    }

    @Override
    public AuditVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                ChainHead.lock(c).catchUp(c);
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
            c.setAutoCommit(true);
            return ChainCheck.run(c);
        } catch (SQLException ex) {
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

    private static void insert(Connection c, ChainedRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (" + ChainedRow.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, row.id());
            ps.setObject(2, row.at());
            ps.setString(3, row.node());
            ps.setString(4, row.event().action());
            ps.setString(5, row.event().actor());
            ps.setString(6, row.event().origin());
            ps.setString(7, row.event().target());
            ps.setString(8, row.event().outcome());
            ps.setString(9, row.event().detail());
            ps.setString(10, row.prevHash());
            ps.setString(11, row.hash());
            ps.executeUpdate();
        }
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
