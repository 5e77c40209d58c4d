package org.onedoor.api.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's 365 holiday service (R14), as it publishes it: which public holidays of the calendar it
 * serves, with which zones, windows and departments. Livelihood matters of the catalog can be booked
 * for a served day at least {@link #minWorkingDaysBefore()} working days before it.
 */
@ProviderType
public interface HolidayRoster {

    /**
     * One served holiday day.
     *
     * @param day         the day, a public holiday of the calendar
     * @param holiday     the holiday's name as the calendar gives it (e.g. 国庆节), empty if the calendar gives none
     * @param zones       the zones that serve it
     * @param departments the departments that serve it; empty: every department of those zones
     * @param windows     the windows open that day (published for the citizens; empty when not stated)
     */
    record ServedDay(LocalDate day, String holiday, List<String> zones, List<String> departments, List<Integer> windows) {

        public ServedDay {
            zones = List.copyOf(zones);
            departments = List.copyOf(departments);
            windows = List.copyOf(windows);
        }
    }

    /** @return the served days, in order */
    List<ServedDay> days();

    /**
     * @param day a day
     * @return the served day, if the roster serves it
     */
    default Optional<ServedDay> day(LocalDate day) {
        return days().stream().filter(d -> d.day().equals(day)).findFirst();
    }

    /** @return how many working days before a holiday it must be booked at the latest (3 by R14) */
    int minWorkingDaysBefore();
}
