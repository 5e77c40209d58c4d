package org.onedoor.api.hall;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The halls' office hours (rule R21: the normal working hours of the city's agencies, on the
 * working days of the hall's calendar), per hall (since 1.4) with per-zone exceptions. Ticket
 * issuing at the kiosk and over the API stops outside them; checking in an appointment does not.
 */
@ProviderType
public interface OfficeHours {

    /**
     * @param hallId a hall id (a hall without hours of its own gets the default hall's hall-wide hours)
     * @param zoneId a zone id of that hall (a zone without hours of its own gets its hall's hours)
     * @param at     an instant
     * @return whether the zone is open then, its periods that day and when that changes
     * @since 1.4
     */
    HoursStatus status(String hallId, String zoneId, Instant at);

    /**
     * @param hallId a hall id
     * @param zoneId a zone id of that hall
     * @return the zone's status now, by the hall's clock
     * @since 1.4
     */
    HoursStatus now(String hallId, String zoneId);

    /**
     * @param zoneId a zone id of the default hall (an unknown zone gets the hall's hours)
     * @param at     an instant
     * @return whether the zone is open then, its periods that day and when that changes
     */
    default HoursStatus status(String zoneId, Instant at) {
        return status(Hall.DEFAULT_ID, zoneId, at);
    }

    /**
     * @param zoneId a zone id of the default hall
     * @return the zone's status now, by the hall's clock
     */
    default HoursStatus now(String zoneId) {
        return now(Hall.DEFAULT_ID, zoneId);
    }
}
