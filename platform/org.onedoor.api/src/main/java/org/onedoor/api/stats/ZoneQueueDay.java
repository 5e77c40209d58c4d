package org.onedoor.api.stats;

import java.time.LocalDate;

/**
 * One zone's queue on one day. Tickets count in the zone they are queued in now (after a
 * transfer: the zone they went to). Times are in minutes; {@code -1} when no ticket gives one.
 *
 * @param zoneId                the zone
 * @param day                   the hall day
 * @param issued                tickets of the day
 * @param waiting               tickets still waiting (for a past day: never served)
 * @param atWindow              tickets called or being served now
 * @param served                tickets completed
 * @param noShows               tickets given up after no-shows
 * @param averageWaitMinutes    mean time from issue to the (last) call, of tickets called that day
 * @param longestWaitMinutes    the longest such time
 * @param averageServiceMinutes mean time from start to completion of the served tickets
 */
public record ZoneQueueDay(String zoneId, LocalDate day, int issued, int waiting, int atWindow, int served, int noShows,
        double averageWaitMinutes, double longestWaitMinutes, double averageServiceMinutes) {
}
