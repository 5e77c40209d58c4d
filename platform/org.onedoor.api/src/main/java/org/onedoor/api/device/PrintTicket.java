package org.onedoor.api.device;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Print a queue ticket.
 *
 * @param number      the ticket number, e.g. {@code A012}
 * @param zoneName    the zone's name as printed, e.g. {@code 不动产登记区}
 * @param peopleAhead how many people wait before this ticket, 0 or more
 * @param issuedAt    when the ticket was issued (hall local time)
 * @param statusUrl   the ticket's status page, printed as a QR code
 */
public record PrintTicket(String number, String zoneName, int peopleAhead, LocalDateTime issuedAt, String statusUrl)
        implements DeviceCommand {

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public PrintTicket {
        if (number == null || number.isBlank() || number.length() > 16) {
            throw new IllegalArgumentException("ticket number must be 1-16 characters");
        }
        if (zoneName == null || zoneName.length() > 64) {
            throw new IllegalArgumentException("zone name must be at most 64 characters");
        }
        if (peopleAhead < 0) {
            throw new IllegalArgumentException("people ahead must not be negative, was " + peopleAhead);
        }
        if (issuedAt == null) {
            throw new IllegalArgumentException("issuedAt is missing");
        }
        if (statusUrl == null || statusUrl.isBlank() || statusUrl.length() > 512) {
            throw new IllegalArgumentException("status URL must be 1-512 characters");
        }
    }

    @Override
    public Optional<DeviceKind> target() {
        return Optional.of(DeviceKind.PRINTER);
    }

    @Override
    public String summary() {
        return "print ticket " + number + " (" + peopleAhead + " ahead)";
    }
}
