package org.onedoor.api.queue;

/** Where a ticket is on its way through the hall. */
public enum TicketStatus {
    /** In the queue of its zone. */
    WAITING,
    /** Called to a window; the citizen is on the way. */
    CALLED,
    /** Being served at the window. */
    SERVING,
    /** Served. */
    DONE,
    /** Dropped after missing its calls. */
    NO_SHOW
}
