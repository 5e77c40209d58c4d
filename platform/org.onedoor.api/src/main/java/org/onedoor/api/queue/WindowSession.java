package org.onedoor.api.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * A clerk signed in at a window.
 *
 * @param windowNumber the hall-wide window number
 * @param zoneId       the zone the window stands in
 * @param clerk        who is signed in
 * @param signedInAt   since when
 * @param paused       true while the window takes no calls
 * @param current      the ticket called or served at the window now, if any
 */
public record WindowSession(int windowNumber, String zoneId, String clerk, Instant signedInAt, boolean paused,
        Optional<Ticket> current) {
}
