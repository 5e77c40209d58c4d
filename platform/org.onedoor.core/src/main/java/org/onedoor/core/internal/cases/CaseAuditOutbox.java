package org.onedoor.core.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the audit events of a case change in the store, in the change's own transaction, until
 * the hall's audit trail has recorded them: a node dying (or the audit trail failing) between the
 * commit and the record loses no audit line; the sweep records what was left, at least once.
 */
final class CaseAuditOutbox {

    /** How long an event may wait for its own transaction's caller before the sweep takes it over. */
    static final Duration GRACE = Duration.ofMinutes(1);

    /** An audit event stored with its change and not yet in the audit trail. */
    record Pending(long id, AuditEvent event) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CaseAuditOutbox.class);

    private CaseAuditOutbox() {
    }

    /** Stores the events inside the change's transaction. */
    static List<Pending> hold(Connection c, Instant at, List<AuditEvent> events) throws SQLException {
        List<Pending> out = new ArrayList<>();
        if (events.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_audit_pending (action, actor, origin, target, outcome, detail, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            for (AuditEvent e : events) {
                ps.setString(1, cut(e.action(), 64));
                ps.setString(2, cut(e.actor(), 128));
                ps.setString(3, cut(e.origin(), 128));
                ps.setString(4, cut(e.target(), 256));
                ps.setString(5, cut(e.outcome(), 16));
                ps.setString(6, cut(e.detail(), 1000));
                ps.setTimestamp(7, Timestamp.from(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    out.add(new Pending(keys.getLong(1), e));
                }
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }

    /** After commit: records each event in the audit trail, then forgets it; a failure leaves it for the sweep. */
    static void deliver(DataSource dataSource, AuditTrail audit, List<Pending> pending) {
        for (Pending p : pending) {
            try {
                audit.record(p.event());
            } catch (RuntimeException ex) {
                LOG.error("Audit record of {} on {} could not be written now: {}; it is kept and recorded later",
                        p.event().action(), p.event().target(), ex.getMessage());
                continue;
            }
            forget(dataSource, p.id());
        }
    }

    private static void forget(DataSource dataSource, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM case_audit_pending WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Recorded audit event {} stays pending ({}); the sweep may record it once more", id, e.getMessage());
        }
    }

    /**
     * Records events left behind for longer than {@link #GRACE}: each is claimed first (so that one
     * node records it), recorded, then forgotten. A node dying after recording and before forgetting
     * makes a later sweep record it again: a duplicate line rather than a lost one.
     *
     * @return how many were recorded
     */
    static int sweep(DataSource dataSource, AuditTrail audit, Instant now) {
        Timestamp stale = Timestamp.from(now.minus(GRACE));
        List<Pending> left = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, action, actor, origin, target, outcome, detail FROM case_audit_pending "
                    + "WHERE created_at < ? AND (claimed_at IS NULL OR claimed_at < ?) ORDER BY id LIMIT 500")) {
                ps.setTimestamp(1, stale);
                ps.setTimestamp(2, stale);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        left.add(new Pending(rs.getLong(1), new AuditEvent(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7))));
                    }
                }
            }
            int recorded = 0;
            for (Pending p : left) {
                try (PreparedStatement claim = c.prepareStatement("UPDATE case_audit_pending SET claimed_at = ? WHERE id = ? "
                        + "AND (claimed_at IS NULL OR claimed_at < ?)")) {
                    claim.setTimestamp(1, Timestamp.from(now));
                    claim.setLong(2, p.id());
                    claim.setTimestamp(3, stale);
                    if (claim.executeUpdate() != 1) {
                        continue;
                    }
                }
                audit.record(p.event());
                forget(dataSource, p.id());
                recorded++;
            }
            if (recorded > 0) {
                LOG.warn("Recorded {} audit event(s) of case changes that were left pending", recorded);
            }
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("the pending case audit events could not be read: " + e.getMessage(), e);
        }
    }
}
