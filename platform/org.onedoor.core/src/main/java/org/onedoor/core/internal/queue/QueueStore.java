package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueException;

/**
 * Runs queue changes as database transactions. Every change first locks the hall's sequence row,
 * so changes are serialized hall-wide (across nodes sharing the database) and their events get
 * gap-free sequence numbers in the same transaction.
 */
final class QueueStore {

    /** The work of one transaction; it may emit events. */
    interface Work<T> {
        T run(Connection c, Events events) throws SQLException;
    }

    /** A committed change and the events it emitted. */
    record Done<T>(T result, List<QueueEvent> events) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    QueueStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    <T> Done<T> write(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("UPDATE queue_seq SET last_value = last_value WHERE scope = 'hall'")) {
                    lock.executeUpdate();
                }
                Events events = new Events(c, now());
                T result = work.run(c, events);
                c.commit();
                return new Done<>(result, events.emitted());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the queue change could not be stored: " + e.getMessage(), e);
        }
    }

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException("the queue could not be read: " + e.getMessage(), e);
        }
    }

    /** Numbers and records the events of one transaction. */
    static final class Events {
        private final Connection c;
        private final Instant at;
        private final List<QueueEvent> emitted = new ArrayList<>();

        Events(Connection c, Instant at) {
            this.c = c;
            this.at = at;
        }

        QueueEvent emit(String type, String zoneId, String ticketNumber, String ticketId, int window) throws SQLException {
            long seq = next("hall");
            long zoneSeq = next("zone:" + zoneId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_event (seq, zone_seq, type, zone_id, ticket_number, "
                    + "ticket_id, window_no, happened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setLong(2, zoneSeq);
                ps.setString(3, type);
                ps.setString(4, zoneId);
                ps.setString(5, ticketNumber);
                ps.setString(6, ticketId);
                ps.setInt(7, window);
                ps.setTimestamp(8, Timestamp.from(at));
                ps.executeUpdate();
            }
            QueueEvent event = new QueueEvent(seq, zoneSeq, type, zoneId, ticketNumber, ticketId, window, at);
            emitted.add(event);
            return event;
        }

        Instant at() {
            return at;
        }

        List<QueueEvent> emitted() {
            return List.copyOf(emitted);
        }

        private long next(String scope) throws SQLException {
            try (PreparedStatement up = c.prepareStatement("UPDATE queue_seq SET last_value = last_value + 1 WHERE scope = ?")) {
                up.setString(1, scope);
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement ins = c.prepareStatement("INSERT INTO queue_seq (scope, last_value) VALUES (?, 1)")) {
                        ins.setString(1, scope);
                        ins.executeUpdate();
                    }
                    return 1;
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT last_value FROM queue_seq WHERE scope = ?")) {
                q.setString(1, scope);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    static QueueException notFound(String code, String message) {
        return new QueueException(QueueException.Reason.NOT_FOUND, code, message);
    }

    static QueueException conflict(String code, String message) {
        return new QueueException(QueueException.Reason.CONFLICT, code, message);
    }

    static QueueException invalid(String code, String message) {
        return new QueueException(QueueException.Reason.INVALID, code, message);
    }
}
