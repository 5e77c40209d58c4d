package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueException;
import org.jdbi.v3.core.Handle;
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
    private final HallDatabase database;
    private final Clock clock;
    private final String hallId;
    private volatile Boolean postgres;

    QueueStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, Hall.DEFAULT_ID);
    }

    /** The queue store of one hall: its changes lock, number and record that hall's zones only. */
    QueueStore(DataSource dataSource, Clock clock, String hallId) {
        this.dataSource = dataSource;
        this.database = new HallDatabase(dataSource);
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
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Runs the work in one transaction holding the locks of the zones given (and of those it finds it touches). */
    <T> Done<T> write(Collection<String> zones, Work<T> work) {
        return write(0, zones, work);
    }

    /**
     * Runs the work in one transaction that locks the window's session row first (when {@code window}
     * is not 0), then the rows of the zones given, in sorted order (and of those it finds it touches).
     * Every change at a window locks the window first and zones after, so it never waits in the
     * other order for a change at the same window ({@link #atWindow}).
     */
    <T> Done<T> write(int window, Collection<String> zones, Work<T> work) {
        SortedSet<String> locking = new TreeSet<>(zones);
        for (int relocks = 0; ; ) {
            try {
                return database.inTransaction(h -> {
                    if (window != 0) {
                        lockWindow(h, window);
                    }
                    for (String zone : locking) {
                        lock(h, scope(hallId, zone));
                    }
                    Events events = new Events(h, now(), locking, hallId, false);
                    T result = work.run(h.getConnection(), events);
                    return new Done<>(result, events.emitted());
                });
            } catch (ZoneNotLocked e) {
                if (++relocks > RELOCKS) {
                    throw new IllegalStateException("the queue change kept touching zones it had not locked: " + locking);
                }
                locking.add(e.zone);
            }
        }
    }

    /**
     * Runs a change at one window that locks no zone while it works: it locks the window's session
     * row, finds and claims its ticket (a waiting one with {@code FOR UPDATE SKIP LOCKED}, see
     * {@link CallOrder#claim}), and emits its events with {@link Events#emitAtCommit}; only then, as the
     * transaction's last statements, it takes the counters of the zones of those events (sorted)
     * and records the events. Changes of other windows of the zone wait for each other only while
     * one of them commits; the zone's event numbers stay gap-free and in commit order.
     */
    <T> Done<T> atWindow(int window, Work<T> work) {
        return database.inTransaction(h -> {
            lockWindow(h, window);
            Events events = new Events(h, now(), Set.of(), hallId, true);
            T result = work.run(h.getConnection(), events);
            events.recordDeferred();
            return new Done<>(result, events.emitted());
        });
    }

    /** @return whether the hall's database is PostgreSQL (else H2), read once */
    boolean postgres(Connection c) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    /** Locks the window's session row until the transaction ends (no row: nobody signed in, nothing to lock). */
    private void lockWindow(Handle h, int window) {
        h.createQuery("SELECT window_no FROM window_session WHERE hall_id = :hall AND window_no = :window FOR UPDATE")
                .bind("hall", hallId).bind("window", window).mapTo(Integer.class).findFirst();
    }

    /** Locks the zone's sequence row (its scope) until the transaction ends; the first change of a zone creates it. */
    private static void lock(Handle h, String scope) {
        if (h.createUpdate("UPDATE queue_seq SET last_value = last_value WHERE scope = :scope").bind("scope", scope).execute() == 1) {
            return;
        }
        h.createUpdate("INSERT INTO queue_seq (scope, last_value) VALUES (:scope, 0)").bind("scope", scope).execute();
    }

    /** @return the prefix of the hall's zone scopes in {@code queue_seq} */
    static String scopePrefix(String hallId) {
        return Hall.DEFAULT_ID.equals(hallId) ? "zone:" : "hall:" + hallId + ":zone:";
    }

    /** @return the key of the zone's lock and event counter: {@code zone:<id>} in the default hall, {@code hall:<hall>:zone:<id>} in another */
    static String scope(String hallId, String zone) {
        return scopePrefix(hallId) + zone;
    }

    /** Reads on a handle of the hall's database in auto-commit mode (no lock, no event). */
    <T> T read(HallDatabase.Work<T> work) {
        try {
            return database.withHandle(work);
        } catch (IllegalStateException e) {
            throw e.getCause() instanceof SQLException sql
                    ? new IllegalStateException("the queue could not be read: " + sql.getMessage(), sql) : e;
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

    /**
     * Numbers and records the events of one transaction: at once ({@link #emit}, the zone locked
     * up front) or, for a change at a window, as its last statements ({@link #emitAtCommit}).
     */
    static final class Events {
        private final Handle h;
        private final Instant at;
        private final Set<String> locked;
        private final String hallId;
        private final boolean deferring;
        private final List<QueueEvent> emitted = new ArrayList<>();
        /** The events to number and record at commit, per zone in sorted order. */
        private final SortedMap<String, List<Draft>> deferred = new TreeMap<>();

        Events(Handle h, Instant at, Set<String> locked, String hallId, boolean deferring) {
            this.h = h;
            this.at = at;
            this.locked = Set.copyOf(locked);
            this.hallId = hallId;
            this.deferring = deferring;
        }

        /** @return the hall of the change */
        String hallId() {
            return hallId;
        }

        /** @return the transaction's handle */
        Handle handle() {
            return h;
        }

        /**
         * Declares that the change touches the zone's tickets; call it before changing them. When
         * the zone is not locked yet, the transaction is rolled back and run again with its lock.
         * A change at a window ({@link QueueStore#atWindow}) locks its zones at commit: nothing to do.
         */
        void lock(String zoneId) {
            if (!deferring && !locked.contains(zoneId)) {
                throw new ZoneNotLocked(zoneId);
            }
        }

        /** Records an event now, numbered with the zone's counter (the zone must be locked). */
        QueueEvent emit(String type, String zoneId, String ticketNumber, String ticketId, int window) {
            if (deferring) {
                throw new IllegalStateException("a change at a window emits its events at commit");
            }
            lock(zoneId);
            long zoneSeq = reserve(zoneId, 1);
            return record(new Draft(type, zoneId, ticketNumber, ticketId, window), zoneSeq);
        }

        /**
         * Records events of one zone now, numbered with one step of the zone's counter (the zone must
         * be locked), in the order given.
         */
        List<QueueEvent> emitAll(String zoneId, List<Draft> drafts) {
            lock(zoneId);
            List<QueueEvent> events = new ArrayList<>(drafts.size());
            if (drafts.isEmpty()) {
                return events;
            }
            long first = reserve(zoneId, drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                events.add(record(drafts.get(i), first + i));
            }
            return events;
        }

        /** Keeps an event of a change at a window, to number and record as the transaction's last statements. */
        void emitAtCommit(String type, String zoneId, String ticketNumber, String ticketId, int window) {
            if (!deferring) {
                emit(type, zoneId, ticketNumber, ticketId, window);
                return;
            }
            deferred.computeIfAbsent(zoneId, z -> new ArrayList<>()).add(new Draft(type, zoneId, ticketNumber, ticketId, window));
        }

        /** Takes the counters of the zones of the kept events, in sorted order, and records the events. */
        void recordDeferred() {
            for (Map.Entry<String, List<Draft>> zone : deferred.entrySet()) {
                long first = reserveOrCreate(zone.getKey(), zone.getValue().size());
                for (int i = 0; i < zone.getValue().size(); i++) {
                    record(zone.getValue().get(i), first + i);
                }
            }
            deferred.clear();
        }

        Instant at() {
            return at;
        }

        List<QueueEvent> emitted() {
            return List.copyOf(emitted);
        }

        private QueueEvent record(Draft d, long zoneSeq) {
            long seq = h.createUpdate("INSERT INTO queue_event (zone_seq, type, zone_id, ticket_number, ticket_id, window_no, "
                    + "happened_at, hall_id) VALUES (:zoneSeq, :type, :zone, :number, :ticket, :window, :at, :hall)")
                    .bind("zoneSeq", zoneSeq).bind("type", d.type()).bind("zone", d.zoneId()).bind("number", d.ticketNumber())
                    .bind("ticket", d.ticketId()).bind("window", d.window()).bind("at", Timestamp.from(at)).bind("hall", hallId)
                    .executeAndReturnGeneratedKeys("seq").mapTo(Long.class).one();
            QueueEvent event = new QueueEvent(seq, zoneSeq, d.type(), d.zoneId(), d.ticketNumber(), d.ticketId(), d.window(), at, hallId);
            emitted.add(event);
            return event;
        }

        /** @return the first of the zone's next {@code count} event numbers; its row is locked by this transaction */
        private long reserve(String zoneId, int count) {
            String scope = scope(hallId, zoneId);
            h.createUpdate("UPDATE queue_seq SET last_value = last_value + :n WHERE scope = :scope").bind("n", count)
                    .bind("scope", scope).execute();
            return h.createQuery("SELECT last_value FROM queue_seq WHERE scope = :scope").bind("scope", scope)
                    .mapTo(Long.class).one() - count + 1;
        }

        /** As {@link #reserve}, creating the zone's row at its first change (a concurrent first change collides and is run again). */
        private long reserveOrCreate(String zoneId, int count) {
            String scope = scope(hallId, zoneId);
            if (h.createUpdate("UPDATE queue_seq SET last_value = last_value + :n WHERE scope = :scope").bind("n", count)
                    .bind("scope", scope).execute() == 0) {
                h.createUpdate("INSERT INTO queue_seq (scope, last_value) VALUES (:scope, :n)").bind("scope", scope)
                        .bind("n", count).execute();
                return 1;
            }
            return h.createQuery("SELECT last_value FROM queue_seq WHERE scope = :scope").bind("scope", scope)
                    .mapTo(Long.class).one() - count + 1;
        }
    }

    /** An event before it is numbered. */
    record Draft(String type, String zoneId, String ticketNumber, String ticketId, int window) {
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
