package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WindowSession;

/**
 * Serving tickets at a window: calling the next one in {@link CallOrder}, recalling it, marking a
 * no-show (requeued at the back of its class until the configured count), starting and completing
 * the service. Calls, recalls, starts and completions are changes at the window ({@link QueueChanges#atWindow}:
 * the window's row, the ticket's row, the zone's counter only at commit); a no-show locks the window
 * and the zones up front (its re-queue takes a new place from its event's number). {@code clerk}
 * is the acting clerk who must hold the window (null: any window, for admins and operators).
 */
final class WindowCalls {

    private final QueueStore store;
    private final QueueChanges changes;
    private final QueueConfig config;

    WindowCalls(QueueStore store, QueueChanges changes, QueueConfig config) {
        this.store = store;
        this.changes = changes;
        this.config = config;
    }

    Optional<Ticket> callNext(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            WindowSession s = changes.requireSession(c, window, clerk);
            if (s.paused()) {
                throw QueueStore.conflict("window-paused", "window " + window + " is paused; resume it to call");
            }
            if (s.current().isPresent()) {
                Ticket t = s.current().get();
                throw QueueStore.conflict("window-busy", "ticket " + t.number() + " is " + t.status().name().toLowerCase(Locale.ROOT)
                        + " at window " + window + "; complete it, mark it no-show or transfer it first");
            }
            Optional<Ticket> next = CallOrder.claim(c, store.postgres(c), store.hallId(), store.today(), window,
                    "universal".equals(s.zoneId()) ? "" : s.zoneId());
            if (next.isEmpty()) {
                return Optional.<Ticket>empty();
            }
            Ticket t = next.get();
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'CALLED', window_no = ?, called_at = ? "
                    + "WHERE id = ? AND status = 'WAITING'")) {
                up.setInt(1, window);
                up.setTimestamp(2, Timestamp.from(events.at()));
                up.setString(3, t.id());
                if (up.executeUpdate() != 1) {
                    throw new IllegalStateException("ticket " + t.number() + " was taken by another window meanwhile");
                }
            }
            events.emitAtCommit("CALLED", t.zoneId(), t.number(), t.id(), window);
            return Rows.one(c, "WHERE id = ?", t.id());
        });
    }

    Ticket recall(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            Ticket t = changes.current(c, window, clerk, TicketStatus.CALLED, "recall");
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET called_at = ? WHERE id = ?")) {
                up.setTimestamp(1, Timestamp.from(events.at()));
                up.setString(2, t.id());
                up.executeUpdate();
            }
            events.emitAtCommit("RECALLED", t.zoneId(), t.number(), t.id(), window);
            return Rows.one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    Ticket noShow(int window, String clerk) {
        return changes.change(window, changes.zoneOfWindow(window), (c, events) -> {
            Ticket t = changes.current(c, window, clerk, TicketStatus.CALLED, "mark as no-show");
            events.lock(t.zoneId());
            if (t.noShows() < config.requeueNoShows()) {
                requeue(c, t.id(), true, events, "REQUEUED", t.zoneId());
            } else {
                try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'NO_SHOW', no_shows = no_shows + 1 WHERE id = ?")) {
                    up.setString(1, t.id());
                    up.executeUpdate();
                }
                events.emit("NO_SHOW", t.zoneId(), t.number(), t.id(), window);
            }
            return Rows.one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    /** Puts a ticket back in its zone's queue: at the back of its class after a no-show, else in its old place. */
    static void requeue(Connection c, String id, boolean noShow, QueueStore.Events events, String type, String zoneId)
            throws SQLException {
        Ticket t = Rows.one(c, "WHERE id = ?", id).orElseThrow();
        QueueEvent e = events.emit(type, zoneId, t.number(), t.id(), 0);
        try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'WAITING', window_no = 0"
                + (noShow ? ", no_shows = no_shows + 1, queue_pos = ?" : "") + " WHERE id = ?")) {
            if (noShow) {
                up.setLong(1, e.seq());
                up.setString(2, id);
            } else {
                up.setString(1, id);
            }
            up.executeUpdate();
        }
    }

    Ticket start(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            Ticket t = changes.current(c, window, clerk, TicketStatus.CALLED, "start serving");
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'SERVING', started_at = ? WHERE id = ?")) {
                up.setTimestamp(1, Timestamp.from(events.at()));
                up.setString(2, t.id());
                up.executeUpdate();
            }
            events.emitAtCommit("STARTED", t.zoneId(), t.number(), t.id(), window);
            return Rows.one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }

    Ticket complete(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            WindowSession s = changes.requireSession(c, window, clerk);
            Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                    "window " + window + " has no ticket to complete"));
            events.lock(t.zoneId());
            try (PreparedStatement up = c.prepareStatement("UPDATE ticket SET status = 'DONE', completed_at = ?, "
                    + "started_at = COALESCE(started_at, called_at) WHERE id = ?")) {
                up.setTimestamp(1, Timestamp.from(events.at()));
                up.setString(2, t.id());
                up.executeUpdate();
            }
            events.emitAtCommit("COMPLETED", t.zoneId(), t.number(), t.id(), window);
            return Rows.one(c, "WHERE id = ?", t.id()).orElseThrow();
        });
    }
}
