package org.onedoor.api.queue;

import org.onedoor.api.hall.Hall;
import java.time.Instant;

/**
 * Something that happened in the queue, for screens and workstations.
 *
 * @param seq          hall-wide event number: orders events, may have gaps (gap detection uses zoneSeq)
 * @param zoneSeq      sequence number within the zone, without gaps
 * @param type         what happened: ISSUED, CALLED, RECALLED, STARTED, COMPLETED, NO_SHOW, REQUEUED,
 *                     TRANSFERRED, WINDOW_OPEN, WINDOW_CLOSED, WINDOW_PAUSED, WINDOW_RESUMED
 * @param zoneId       the zone concerned
 * @param ticketNumber the ticket's number, empty for window events
 * @param ticketId     the ticket's id, empty for window events
 * @param windowNumber the window concerned, 0 if none
 * @param at           when
 * @param hallId       the hall the zone is in (since 1.5); zone sequence numbers count per hall and zone
 */
public record QueueEvent(long seq, long zoneSeq, String type, String zoneId, String ticketNumber, String ticketId,
        int windowNumber, Instant at, String hallId) {

    /** An event of the default hall. */
    public QueueEvent(long seq, long zoneSeq, String type, String zoneId, String ticketNumber, String ticketId,
            int windowNumber, Instant at) {
        this(seq, zoneSeq, type, zoneId, ticketNumber, ticketId, windowNumber, at, Hall.DEFAULT_ID);
    }

    public QueueEvent {
        hallId = hallId == null || hallId.isEmpty() ? Hall.DEFAULT_ID : hallId;
    }
}
