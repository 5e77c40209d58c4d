package org.onedoor.api.hall;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a zone takes tickets at one instant (rule R21, office hours), and when that changes.
 *
 * @param zoneId      the zone asked about
 * @param enforced    whether the hall refuses tickets outside its hours (false: tickets at any time)
 * @param open        whether the zone is within its hours at that instant
 * @param today       the zone's open periods on that instant's day; empty when the day is not a working day
 * @param closesAt    when open: the end of the current period
 * @param nextOpening when closed: the start of the next period, if one lies within the next 60 days
 */
public record HoursStatus(String zoneId, boolean enforced, boolean open, List<OpenPeriod> today,
        Optional<ZonedDateTime> closesAt, Optional<ZonedDateTime> nextOpening) {

    public HoursStatus {
        Objects.requireNonNull(zoneId, "zoneId");
        today = List.copyOf(today);
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(nextOpening, "nextOpening");
    }

    /** @return whether a ticket may be issued now: the hours are not enforced, or the zone is open */
    public boolean takesTickets() {
        return !enforced || open;
    }
}
