package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueException;
import org.onedoor.store.HallDatabase;

/**
 * Runs one hall's queue changes as database transactions. A change locks only the rows of the zones it
 * touches ({@code queue_seq}, scope {@code zone:<id>} in the default hall, {@code hall:<hall>:zone:<id>}
 * in another, created on demand), in sorted order, so
 * changes of one zone are serialized (across nodes sharing the database) and its events get
 * gap-free zone sequence numbers in the same transaction, while changes of other zones run beside
 * it. A change that finds it touches a zone it did not lock ({@link Events#lock}) is rolled back
 * and run again with that zone locked too. The hall-wide event number {@code seq} comes from the
 * event table's identity column: it orders events and tickets, with gaps, and detects nothing.
 */
final class QueueStore {

    /** How many times a change is run at most when it finds more zones to lock. */
    private static final int RELOCKS = 4;

    /** The work of one transaction; it may emit events. */
    interface Work<T> {
        T run(Connection c, Events events) throws SQLException;
    }

    /** A committed change and the events it emitted. */
    record Done<T>(T result, List<QueueEvent> events) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final String hallId;

    QueueStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, Hall.DEFAULT_ID);
    }

    /** The queue store of one hall: its changes lock, number and record that hall's zones only. */
    QueueStore(DataSource dataSource, Clock clock, String hallId) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.hallId = hallId;
    }

    /** @return the hall whose queue this is */
    String hallId() {
        return hallId;
    }

    /** @return the same store for another hall */
    QueueStore forHall(String otherHallId) {
        return new QueueStore(dataSource, clock, otherHallId);
    }

    /** @return the hall's calendar day now: the day of the tickets issued now */
    LocalDate today() {
        return LocalDate.now(clock.withZone(HallQueueService.HALL_ZONE));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Runs the work in one transaction holding the locks of the zones given (and of those it finds it touches). */
    <T> Done<T> write(Collection<String> zones, Work<T> work) {
        SortedSet<String> locking = new TreeSet<>(zones);
        int collisions = 0;
        for (int relocks = 0; ; ) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    for (String zone : locking) {
                        lock(c, scope(hallId, zone));
                    }
                    Events events = new Events(c, now(), locking, hallId);
                    T result = work.run(c, events);
                    c.commit();
                    return new Done<>(result, events.emitted());
                } catch (ZoneNotLocked e) {
                    c.rollback();
                    if (++relocks > RELOCKS) {
                        throw new IllegalStateException("the queue change kept touching zones it had not locked: " + locking);
                    }
                    locking.add(e.zone);
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    if (!HallDatabase.collided(e) || ++collisions >= HallDatabase.ATTEMPTS) {
                        throw e;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the queue change could not be stored: " + e.getMessage(), e);
            }
        }
    }

    /** Locks the zone's sequence row (its scope) until the transaction ends; the first change of a zone creates it. */
    private static void lock(Connection c, String scope) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE queue_seq SET last_value = last_value WHERE scope = ?")) {
            lock.setString(1, scope);
            if (lock.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO queue_seq (scope, last_value) VALUES (?, 0)")) {
            ins.setString(1, scope);
            ins.executeUpdate();
        }
    }

    /** @return the prefix of the hall's zone scopes in {@code queue_seq} */
    static String scopePrefix(String hallId) {
        return Hall.DEFAULT_ID.equals(hallId) ? "zone:" : "hall:" + hallId + ":zone:";
    }

    /** @return the key of the zone's lock and event counter: {@code zone:<id>} in the default hall, {@code hall:<hall>:zone:<id>} in another */
    static String scope(String hallId, String zone) {
        return scopePrefix(hallId) + zone;
    }

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException("the queue could not be read: " + e.getMessage(), e);
        }
    }

    /** The change touches a zone it has not locked: it is run again with that zone locked too. */
    private static final class ZoneNotLocked extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String zone;

        ZoneNotLocked(String zone) {
            super("zone " + zone + " is not locked", null, false, false);
            this.zone = zone;
        }
    }

    /** Numbers and records the events of one transaction. */
    static final class Events {
        private final Connection c;
        private final Instant at;
        private final Set<String> locked;
        private final String hallId;
        private final List<QueueEvent> emitted = new ArrayList<>();

        Events(Connection c, Instant at, Set<String> locked) {
            this(c, at, locked, Hall.DEFAULT_ID);
        }

        Events(Connection c, Instant at, Set<String> locked, String hallId) {
            this.c = c;
            this.at = at;
            this.locked = Set.copyOf(locked);
            this.hallId = hallId;
        }

        /** @return the hall of the change */
        String hallId() {
            return hallId;
        }

        /**
         * Declares that the change touches the zone's tickets; call it before changing them. When
         * the zone is not locked yet, the transaction is rolled back and run again with its lock.
         */
        void lock(String zoneId) {
            if (!locked.contains(zoneId)) {
                throw new ZoneNotLocked(zoneId);
            }
        }

        QueueEvent emit(String type, String zoneId, String ticketNumber, String ticketId, int window) throws SQLException {
            lock(zoneId);
            long zoneSeq = next(zoneId);
            long seq;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO queue_event (zone_seq, type, zone_id, ticket_number, "
                    + "ticket_id, window_no, happened_at, hall_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"seq"})) {
                ps.setLong(1, zoneSeq);
                ps.setString(2, type);
                ps.setString(3, zoneId);
                ps.setString(4, ticketNumber);
                ps.setString(5, ticketId);
                ps.setInt(6, window);
                ps.setTimestamp(7, Timestamp.from(at));
                ps.setString(8, hallId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
            }
            QueueEvent event = new QueueEvent(seq, zoneSeq, type, zoneId, ticketNumber, ticketId, window, at, hallId);
            emitted.add(event);
            return event;
        }

        Instant at() {
            return at;
        }

        List<QueueEvent> emitted() {
            return List.copyOf(emitted);
        }

        /** The zone's next event number; its row is locked by this transaction. */
        private long next(String zoneId) throws SQLException {
            try (PreparedStatement up = c.prepareStatement("UPDATE queue_seq SET last_value = last_value + 1 WHERE scope = ?")) {
                up.setString(1, scope(hallId, zoneId));
                up.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT last_value FROM queue_seq WHERE scope = ?")) {
                q.setString(1, scope(hallId, zoneId));
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
