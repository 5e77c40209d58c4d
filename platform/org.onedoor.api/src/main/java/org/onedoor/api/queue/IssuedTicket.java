package org.onedoor.api.queue;

/**
 * The answer to a ticket request.
 *
 * @param ticket   the ticket
 * @param waiting  its place in the queue
 * @param replayed true when the idempotency key had already issued this ticket
 */
public record IssuedTicket(Ticket ticket, WaitingInfo waiting, boolean replayed) {
}
