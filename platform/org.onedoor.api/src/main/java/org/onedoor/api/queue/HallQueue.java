package org.onedoor.api.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues tickets and answers where they stand; offered by the core. Calls block on the database.
 */
@ProviderType
public interface HallQueue {

    /**
     * Issues a ticket in an open zone; stored before it returns.
     *
     * @throws QueueException for an unknown or closed zone, or an invalid request
     */
    IssuedTicket issue(TicketRequest request);

    /** @return the ticket of that id */
    Optional<Ticket> ticket(String id);

    /** @return today's ticket of that number (e.g. {@code J012}) */
    Optional<Ticket> ticketByNumber(String number);

    /** @return the place of a waiting ticket, empty if it is not waiting */
    Optional<WaitingInfo> waiting(String id);

    /**
     * @param zoneId a zone, or empty for every zone
     * @return the waiting tickets of the zone in calling order (for the universal zone: its own queue)
     */
    List<Ticket> waitingTickets(String zoneId);

    /** @return the signed-in windows, by number */
    List<WindowSession> windows();

    /**
     * @return the highest hall-wide event number so far; it orders events (with gaps) and detects
     *         nothing: a follower detects missed events by {@link #lastZoneSeqs()}
     */
    long lastSeq();

    /**
     * @return per zone id, the zone sequence number ({@link QueueEvent#zoneSeq()}) of its last
     *         event; a zone without events is absent (its next event is number 1)
     * @since 1.2
     */
    Map<String, Long> lastZoneSeqs();

    /**
     * @param hallId a hall the node serves
     * @return the queue of that hall (this one for {@link org.onedoor.api.hall.Hall#DEFAULT_ID}): its
     *         zones, tickets, numbering, windows and events; the queue answered here is the default hall's
     * @throws QueueException NOT_FOUND {@code unknown-hall} for a hall the node does not serve
     * @since 1.5
     */
    HallQueue inHall(String hallId);
}
