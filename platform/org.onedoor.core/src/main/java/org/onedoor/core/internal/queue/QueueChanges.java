package org.onedoor.core.internal.queue;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.api.queue.WindowSession;

/**
 * How the queue changes: one transaction of the {@link QueueStore} holding the locks of the zones
 * it touches, whose events are published after commit; a change at a window locks the window's
 * row first (then its zones, up front or, for calls, at commit) and finds the window's session and
 * its current ticket.
 */
final class QueueChanges {

    private final QueueStore store;
    private final HallWindows windows;
    private final QueueEventHub hub;

    QueueChanges(QueueStore store, HallWindows windows, QueueEventHub hub) {
        this.store = store;
        this.windows = windows;
        this.hub = hub;
    }

    /** Runs one change holding the locks of the zones given (and of any other zone it touches), then publishes its events. */
    <T> T change(Collection<String> zones, QueueStore.Work<T> work) {
        QueueStore.Done<T> done = store.write(zones, work);
        hub.publish(done.events());
        return done.result();
    }

    /**
     * Runs one change at the window holding the window's row and then the locks of the zones given
     * (and of any other zone it touches), then publishes its events.
     */
    <T> T change(int window, Collection<String> zones, QueueStore.Work<T> work) {
        QueueStore.Done<T> done = store.write(window, zones, work);
        hub.publish(done.events());
        return done.result();
    }

    /**
     * Runs one change at the window that takes its zones' counters only at commit ({@link QueueStore#atWindow}):
     * calls, recalls, starts and completions, which touch only the window and its ticket.
     */
    <T> T atWindow(int window, QueueStore.Work<T> work) {
        QueueStore.Done<T> done = store.atWindow(window, work);
        hub.publish(done.events());
        return done.result();
    }

    /** The zone a change at the window locks first: the window's (none for an unknown window, which the change rejects). */
    List<String> zoneOfWindow(int window) {
        return windows.zoneOf(window).map(z -> List.of(z.id())).orElse(List.of());
    }

    /**
     * @param clerk the acting clerk, who must hold the window; null when the caller may act at any window
     * @return the ticket at the window, which must be in the state {@code wanted} for the {@code action}
     */
    Ticket current(Handle h, int window, String clerk, TicketStatus wanted, String action) {
        WindowSession s = requireSession(h, window, clerk);
        Ticket t = s.current().orElseThrow(() -> QueueStore.conflict("no-current-ticket",
                "window " + window + " has no called ticket to " + action + "; call the next ticket first"));
        if (t.status() != wanted) {
            throw QueueStore.conflict("wrong-ticket-state", "ticket " + t.number() + " is " + t.status().name().toLowerCase(Locale.ROOT)
                    + ", so it cannot " + action + " now");
        }
        return t;
    }

    /**
     * @param clerk the acting clerk, who must hold the window (read in this transaction); null when
     *              the caller (an admin or operator) may act at any window
     * @return the session at a window of the hall, someone signed in
     */
    WindowSession requireSession(Handle h, int window, String clerk) {
        if (windows.zoneOf(window).isEmpty()) {
            throw QueueStore.notFound("unknown-window", "no window " + window + " in the hall");
        }
        WindowSession s = Rows.sessionOf(h, windows.hallId(), window).orElseThrow(() -> QueueStore.conflict("window-not-signed-in",
                "nobody is signed in at window " + window + "; sign in first"));
        if (clerk != null && !s.clerk().equals(clerk)) {
            throw new QueueException(QueueException.Reason.FORBIDDEN, "not-your-window", "窗口 " + window + " 由 " + s.clerk()
                    + " 签到，您只能在自己签到的窗口办理 / window " + window + " is held by " + s.clerk()
                    + "; a clerk acts only at the window it signed in to");
        }
        return s;
    }
}
