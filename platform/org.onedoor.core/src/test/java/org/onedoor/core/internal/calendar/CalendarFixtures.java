package org.onedoor.core.internal.calendar;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import org.onedoor.core.internal.zone.TestStore;

/** The shipped year files and a node calendar over a fresh migrated database, for the tests. */
public final class CalendarFixtures {

    /** A valid year file for 2027, written for the tests (not an official arrangement). */
    public static final String YEAR_2027 = """
            {
              "year": 2027,
              "notice": "test arrangement",
              "holidays": [
                {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
                {"name": "春节", "from": "2027-02-05", "to": "2027-02-12"}
              ],
              "makeUpWorkdays": [
                {"date": "2027-02-13", "holiday": "春节"}
              ]
            }
            """;

    private CalendarFixtures() {
    }

    static List<URL> bundledFiles() {
        return List.of(resource("2025.json"), resource("2026.json"));
    }

    /** @return the node's calendar with the shipped years, keeping loaded years in the given store */
    public static HallCalendar calendarOn(javax.sql.DataSource store) {
        return new HallCalendar(bundledFiles(), store);
    }

    static HallCalendar freshCalendar() {
        return new HallCalendar(bundledFiles(), TestStore.migrated());
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(CalendarFixtures.class.getResource("/" + BundledYears.FOLDER + "/" + name), name);
    }
}
