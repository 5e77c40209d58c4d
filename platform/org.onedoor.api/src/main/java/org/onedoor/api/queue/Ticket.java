package org.onedoor.api.queue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A queue ticket.
 *
 * @param id            unguessable id, for the citizen's status page
 * @param number        what is read aloud: zone letter and daily sequence, e.g. {@code J012}
 * @param zoneId        the zone whose queue it is in now
 * @param issuedZoneId  the zone it was issued for
 * @param day           the hall day it belongs to
 * @param priority      its class in the queue
 * @param greenReason   why it is in the green channel (e.g. {@code ELDERLY}), empty otherwise
 * @param appointmentId the checked-in appointment, empty otherwise
 * @param category      the matter category chosen at the kiosk, empty if none
 * @param matterCode    the matter chosen at the kiosk, empty if none
 * @param status        where it is
 * @param windowNumber  the window that called or serves it, 0 if none
 * @param forWindow     the only window that may call it after a transfer to a window, 0 if any
 * @param noShows       how often it was called without the citizen coming
 * @param issuedAt      when it was issued
 * @param calledAt      when it was last called
 * @param startedAt     when service started
 * @param completedAt   when service ended
 * @param kiosk         the kiosk that issued it, empty when issued elsewhere (since 1.7)
 */
public record Ticket(String id, String number, String zoneId, String issuedZoneId, LocalDate day, TicketPriority priority,
        String greenReason, String appointmentId, String category, String matterCode, TicketStatus status, int windowNumber,
        int forWindow, int noShows, Instant issuedAt, Optional<Instant> calledAt, Optional<Instant> startedAt,
        Optional<Instant> completedAt, String kiosk) {

    /** Normalises a null kiosk to empty. */
    public Ticket {
        kiosk = kiosk == null ? "" : kiosk;
    }

    /** A ticket issued by no kiosk. */
    public Ticket(String id, String number, String zoneId, String issuedZoneId, LocalDate day, TicketPriority priority,
            String greenReason, String appointmentId, String category, String matterCode, TicketStatus status, int windowNumber,
            int forWindow, int noShows, Instant issuedAt, Optional<Instant> calledAt, Optional<Instant> startedAt,
            Optional<Instant> completedAt) {
        this(id, number, zoneId, issuedZoneId, day, priority, greenReason, appointmentId, category, matterCode, status, windowNumber,
                forWindow, noShows, issuedAt, calledAt, startedAt, completedAt, "");
    }
}
