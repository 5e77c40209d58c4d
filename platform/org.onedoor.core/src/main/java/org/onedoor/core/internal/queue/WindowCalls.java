package org.onedoor.core.internal.queue;

import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
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
 * The ticket's updates and reads are on the change's handle, in its transaction; the call order's
 * claim ({@link CallOrder#claim}, {@code FOR UPDATE SKIP LOCKED}) stays on its connection.
 */
final class WindowCalls {

    private static final String CALL = "UPDATE ticket SET status = 'CALLED', window_no = :window, called_at = :at"
            + " WHERE id = :id AND status = 'WAITING'";
    private static final String RECALL = "UPDATE ticket SET called_at = :at WHERE id = :id";
    private static final String NO_SHOW = "UPDATE ticket SET status = 'NO_SHOW', no_shows = no_shows + 1 WHERE id = :id";
    /** After a no-show: back at the end of its class, its new place the number of its event. */
    private static final String REQUEUE_AT_BACK = "UPDATE ticket SET status = 'WAITING', window_no = 0, no_shows = no_shows + 1,"
            + " queue_pos = :pos WHERE id = :id";
    private static final String REQUEUE_IN_PLACE = "UPDATE ticket SET status = 'WAITING', window_no = 0 WHERE id = :id";
    private static final String START = "UPDATE ticket SET status = 'SERVING', started_at = :at WHERE id = :id";
    private static final String COMPLETE = "UPDATE ticket SET status = 'DONE', completed_at = :at,"
            + " started_at = COALESCE(started_at, called_at) WHERE id = :id";

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
            WindowSession s = changes.requireSession(events.handle(), window, clerk);
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
            if (events.handle().createUpdate(CALL).bind("window", window).bind("at", Timestamp.from(events.at())).bind("id", t.id())
                    .execute() != 1) {
                throw new IllegalStateException("ticket " + t.number() + " was taken by another window meanwhile");
            }
            events.emitAtCommit("CALLED", t.zoneId(), t.number(), t.id(), window);
            return Rows.byId(events.handle(), t.id());
        });
    }

    Ticket recall(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            Ticket t = changes.current(events.handle(), window, clerk, TicketStatus.CALLED, "recall");
            events.lock(t.zoneId());
            events.handle().createUpdate(RECALL).bind("at", Timestamp.from(events.at())).bind("id", t.id()).execute();
            events.emitAtCommit("RECALLED", t.zoneId(), t.number(), t.id(), window);
            return Rows.byId(events.handle(), t.id()).orElseThrow();
        });
    }

    Ticket noShow(int window, String clerk) {
        return changes.change(window, changes.zoneOfWindow(window), (c, events) -> {
            Ticket t = changes.current(events.handle(), window, clerk, TicketStatus.CALLED, "mark as no-show");
            events.lock(t.zoneId());
            if (t.noShows() < config.requeueNoShows()) {
                requeue(events, t.id(), true, "REQUEUED", t.zoneId());
            } else {
                events.handle().createUpdate(NO_SHOW).bind("id", t.id()).execute();
                events.emit("NO_SHOW", t.zoneId(), t.number(), t.id(), window);
            }
            return Rows.byId(events.handle(), t.id()).orElseThrow();
        });
    }

    /** Puts a ticket back in its zone's queue: at the back of its class after a no-show, else in its old place. */
    static void requeue(QueueStore.Events events, String id, boolean noShow, String type, String zoneId) {
        Handle h = events.handle();
        Ticket t = Rows.byId(h, id).orElseThrow();
        QueueEvent e = events.emit(type, zoneId, t.number(), t.id(), 0);
        if (noShow) {
            h.createUpdate(REQUEUE_AT_BACK).bind("pos", e.seq()).bind("id", id).execute();
        } else {
            h.createUpdate(REQUEUE_IN_PLACE).bind("id", id).execute();
        }
    }

    Ticket start(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            Ticket t = changes.current(events.handle(), window, clerk, TicketStatus.CALLED, "start serving");
            events.lock(t.zoneId());
            events.handle().createUpdate(START).bind("at", Timestamp.from(events.at())).bind("id", t.id()).execute();
            events.emitAtCommit("STARTED", t.zoneId(), t.number(), t.id(), window);
            return Rows.byId(events.handle(), t.id()).orElseThrow();
        });
    }

    Ticket complete(int window, String clerk) {
        return changes.atWindow(window, (c, events) -> {
            WindowSession s = changes.requireSession(events.handle(), window, clerk);
            Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                    "window " + window + " has no ticket to complete"));
            events.lock(t.zoneId());
            events.handle().createUpdate(COMPLETE).bind("at", Timestamp.from(events.at())).bind("id", t.id()).execute();
            events.emitAtCommit("COMPLETED", t.zoneId(), t.number(), t.id(), window);
            return Rows.byId(events.handle(), t.id()).orElseThrow();
        });
    }
}
