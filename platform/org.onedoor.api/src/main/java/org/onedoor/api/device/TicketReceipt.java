package org.onedoor.api.device;

import java.util.Optional;

/**
 * Whether an issued ticket's receipt came out of a printer, as this node's devices and outbox know it: what a
 * kiosk asks right after issuing, to show the number on screen when the receipt did not print.
 *
 * @param printer the printer that prints the ticket (the kiosk's own, else the zone's), empty when none does
 * @param state   where the receipt is
 * @param detail  why, in Chinese with English beside; empty when printed
 * @since 1.5
 */
public record TicketReceipt(Optional<String> printer, State state, String detail) {

    /** Normalises a null detail to empty. */
    public TicketReceipt {
        detail = detail == null ? "" : detail;
    }

    /** Where a ticket's receipt is. */
    public enum State {
        /** The printer acknowledged the ticket's print command. */
        PRINTED,
        /** The command waits in the outbox of a printer that is not known to be off line (yet to be written, or on its way). */
        PENDING,
        /** The printer is off line, out of paper, misconfigured or without driver, or refused the ticket: it waits or never prints. */
        OFFLINE,
        /** No printer of this node prints the ticket (neither the kiosk's own nor the zone's). */
        NO_PRINTER
    }
}
