package org.onedoor.api.queue;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a clerk does at a window; offered by the core. Calls block on the database. Two windows
 * calling at the same moment, on any nodes, never get the same ticket.
 *
 * <p>Every method throws {@link QueueException}: NOT_FOUND for an unknown window or zone,
 * CONFLICT when the window is not signed in, is paused, or has no current ticket for the action.
 */
@ProviderType
public interface WindowDesk {

    /**
     * Signs a clerk in at a window (replacing an earlier session of the same clerk there); CONFLICT
     * {@code window-held} while another clerk is signed in there.
     */
    WindowSession signIn(int window, String clerk);

    /** Signs the window's clerk out; a called ticket goes back to the queue, keeping its place. */
    void signOut(int window);

    /** @return the next ticket for the window, now CALLED; empty when nobody waits */
    Optional<Ticket> callNext(int window);

    /** Calls the window's current ticket again. */
    Ticket recall(int window);

    /** The called citizen did not come: re-queued once (configurable), then dropped. */
    Ticket noShow(int window);

    /**
     * Sends the window's current ticket to another zone's queue or to one window, keeping its place.
     *
     * @param toZone   the zone to queue in, or empty to stay in the same zone
     * @param toWindow the only window that may call it, or 0 for any window of the zone
     */
    Ticket transfer(int window, String toZone, int toWindow);

    /** Service of the called ticket starts. */
    Ticket start(int window);

    /** Service of the current ticket ends. */
    Ticket complete(int window);

    /** Pauses (true) or resumes (false) calls at the window. */
    WindowSession pause(int window, boolean paused);

    /** @return the window's session, if a clerk is signed in */
    Optional<WindowSession> session(int window);

    /**
     * The desk as one clerk uses it: every action at a window (sign-out, calls, transfer, pause)
     * is refused with {@link QueueException.Reason#FORBIDDEN} {@code not-your-window} unless the
     * clerk holds that window, checked in the action's own transaction, so a window changing hands
     * meanwhile cannot be acted on by the clerk who left it.
     *
     * @param clerk the acting user
     * @return the desk bound to that clerk
     * @since 1.4
     */
    WindowDesk as(String clerk);
}
