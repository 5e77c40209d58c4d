package org.onedoor.core.internal.queue;

import java.util.Optional;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.WindowSession;

/**
 * The window desk as one clerk uses it: each action at a window passes the clerk into its
 * change, which refuses {@code not-your-window} unless the clerk holds the window, read in the
 * same transaction as the action.
 */
final class ClerkDesk implements WindowDesk {

    private final HallQueueService queue;
    private final WindowCalls calls;
    private final String clerk;

    ClerkDesk(HallQueueService queue, WindowCalls calls, String clerk) {
        this.queue = queue;
        this.calls = calls;
        this.clerk = clerk;
    }

    @Override
    public WindowSession signIn(int window, String who) {
        return queue.signIn(window, who);
    }

    @Override
    public void signOut(int window) {
        queue.signOut(window, clerk);
    }

    @Override
    public Optional<Ticket> callNext(int window) {
        return calls.callNext(window, clerk);
    }

    @Override
    public Ticket recall(int window) {
        return calls.recall(window, clerk);
    }

    @Override
    public Ticket noShow(int window) {
        return calls.noShow(window, clerk);
    }

    @Override
    public Ticket transfer(int window, String toZone, int toWindow) {
        return queue.transfer(window, toZone, toWindow, clerk);
    }

    @Override
    public Ticket start(int window) {
        return calls.start(window, clerk);
    }

    @Override
    public Ticket complete(int window) {
        return calls.complete(window, clerk);
    }

    @Override
    public WindowSession pause(int window, boolean paused) {
        return queue.pause(window, paused, clerk);
    }

    @Override
    public Optional<WindowSession> session(int window) {
        return queue.session(window);
    }

    @Override
    public WindowDesk as(String other) {
        return queue.as(other);
    }
}
