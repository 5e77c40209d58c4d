package org.onedoor.core.internal.stats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.stats.QueueStatistics;
import org.onedoor.api.stats.ZoneQueueDay;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The queue's day figures of one hall, computed by the database in one grouped query over the ticket table
 * (the same SQL on H2 and PostgreSQL: seconds between two timestamps as the difference of their
 * epoch values).
 */
@Component(service = QueueStatistics.class)
public final class JdbcQueueStatistics implements QueueStatistics {

    private static final String DAY_FIGURES = """
            SELECT zone_id,
                   COUNT(*) AS issued,
                   SUM(CASE WHEN status = 'WAITING' THEN 1 ELSE 0 END) AS waiting,
                   SUM(CASE WHEN status IN ('CALLED', 'SERVING') THEN 1 ELSE 0 END) AS at_window,
                   SUM(CASE WHEN status = 'DONE' THEN 1 ELSE 0 END) AS done,
                   SUM(CASE WHEN status = 'NO_SHOW' THEN 1 ELSE 0 END) AS no_show,
                   AVG(CASE WHEN status <> 'WAITING' AND called_at IS NOT NULL
                            THEN EXTRACT(EPOCH FROM called_at) - EXTRACT(EPOCH FROM issued_at) END) AS average_wait,
                   MAX(CASE WHEN status <> 'WAITING' AND called_at IS NOT NULL
                            THEN EXTRACT(EPOCH FROM called_at) - EXTRACT(EPOCH FROM issued_at) END) AS longest_wait,
                   AVG(CASE WHEN status = 'DONE' AND started_at IS NOT NULL
                            THEN EXTRACT(EPOCH FROM completed_at) - EXTRACT(EPOCH FROM started_at) END) AS average_service
              FROM ticket
             WHERE hall_day = :day AND hall_id = :hall
             GROUP BY zone_id
             ORDER BY zone_id""";

    private final HallDatabase database;

    @Activate
    public JdbcQueueStatistics(@Reference HallDatabase database) {
        this.database = database;
    }

    @Override
    public List<ZoneQueueDay> day(LocalDate day) {
        return day(Hall.DEFAULT_ID, day);
    }

    @Override
    public List<ZoneQueueDay> day(String hallId, LocalDate day) {
        try {
            return database.withHandle(h -> h.createQuery(DAY_FIGURES)
                    .bind("day", day)
                    .bind("hall", hallId)
                    .map((rs, ctx) -> new ZoneQueueDay(rs.getString("zone_id"), day, rs.getInt("issued"), rs.getInt("waiting"),
                            rs.getInt("at_window"), rs.getInt("done"), rs.getInt("no_show"), minutes(rs, "average_wait"),
                            minutes(rs, "longest_wait"), minutes(rs, "average_service")))
                    .list());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the queue figures of hall " + hallId + " on " + day + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Seconds in a column as minutes rounded to one decimal, -1 for none. */
    private static double minutes(ResultSet rs, String column) throws SQLException {
        double seconds = rs.getDouble(column);
        if (rs.wasNull()) {
            return -1;
        }
        return Math.round(seconds / 6.0) / 10.0;
    }
}
