package org.onedoor.core.internal.stats;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.api.stats.ZoneQueueDay;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The queue's day figures, computed by the database in one grouped query over the ticket table
 * (the same SQL on H2 and PostgreSQL: seconds between two timestamps as the difference of their
 * epoch values).
 */
@Component(service = QueueStatistics.class)
public final class JdbcQueueStatistics implements QueueStatistics {

    private static final String WAIT = "EXTRACT(EPOCH FROM called_at) - EXTRACT(EPOCH FROM issued_at)";
    private static final String CALLED = "status <> 'WAITING' AND called_at IS NOT NULL";
    private static final String SQL = "SELECT zone_id, COUNT(*),"
            + " SUM(CASE WHEN status = 'WAITING' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status IN ('CALLED', 'SERVING') THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN status = 'NO_SHOW' THEN 1 ELSE 0 END),"
            + " AVG(CASE WHEN " + CALLED + " THEN " + WAIT + " END),"
            + " MAX(CASE WHEN " + CALLED + " THEN " + WAIT + " END),"
            + " AVG(CASE WHEN status = 'DONE' AND started_at IS NOT NULL"
            + " THEN EXTRACT(EPOCH FROM completed_at) - EXTRACT(EPOCH FROM started_at) END)"
            + " FROM ticket WHERE hall_day = ? GROUP BY zone_id ORDER BY zone_id";

    private final DataSource dataSource;

    @Activate
    public JdbcQueueStatistics(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<ZoneQueueDay> day(LocalDate day) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setDate(1, Date.valueOf(day));
            List<ZoneQueueDay> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ZoneQueueDay(rs.getString(1), day, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), minutes(rs, 7), minutes(rs, 8), minutes(rs, 9)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("the queue figures of " + day + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Seconds in a column as minutes rounded to one decimal, -1 for none. */
    private static double minutes(ResultSet rs, int column) throws SQLException {
        double seconds = rs.getDouble(column);
        if (rs.wasNull()) {
            return -1;
        }
        return Math.round(seconds / 6.0) / 10.0;
    }
}
