package org.onedoor.core.internal.queue;

/** Ticket numbers: the zone's letter and the day's sequence, three digits up to 999 (e.g. {@code J012}). */
final class TicketNumbers {

    private TicketNumbers() {
    }

    static String format(String letter, int seq) {
        if (seq < 1) {
            throw new IllegalArgumentException("ticket sequence starts at 1, was " + seq);
        }
        return letter + (seq < 1000 ? String.format("%03d", seq) : Integer.toString(seq));
    }
}
