package org.onedoor.core.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit trail in the table {@code audit_record}: inserts (citizen ID and phone numbers masked) and reads, nothing else. */
@Component(service = AuditTrail.class)
public final class JdbcAuditTrail implements AuditTrail {

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public JdbcAuditTrail(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JdbcAuditTrail(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public AuditRecord record(AuditEvent e) {
        AuditEvent cut = new AuditEvent(cut(e.action(), 64), cut(e.actor(), 128), cut(e.origin(), 128),
                cut(CitizenDataMasking.mask(e.target()), 256), cut(e.outcome(), 16), cut(CitizenDataMasking.mask(e.detail()), 1000));
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_record (at, action, actor, origin, target, outcome, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, cut.action());
            ps.setString(3, cut.actor());
            ps.setString(4, cut.origin());
            ps.setString(5, cut.target());
            ps.setString(6, cut.outcome());
            ps.setString(7, cut.detail());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new AuditRecord(keys.getLong(1), at, cut);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot write the audit record of " + e.action() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public List<AuditRecord> recent(String action, String actor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT id, at, action, actor, origin, target, outcome, detail FROM audit_record WHERE 1 = 1");
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
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))));
                }
            }
            return records;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the audit trail: " + ex.getMessage(), ex);
        }
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() <= max ? v : v.substring(0, max - 1) + "…";
    }
}
