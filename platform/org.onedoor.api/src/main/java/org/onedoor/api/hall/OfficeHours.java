package org.onedoor.api.hall;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's office hours (rule R21: the normal working hours of the city's agencies, on the
 * working days of the hall's calendar), with per-zone exceptions. Ticket issuing at the kiosk and
 * over the API stops outside them; checking in an appointment does not.
 */
@ProviderType
public interface OfficeHours {

    /**
     * @param zoneId a zone id (an unknown zone gets the hall's hours)
     * @param at     an instant
     * @return whether the zone is open then, its periods that day and when that changes
     */
    HoursStatus status(String zoneId, Instant at);

    /**
     * @param zoneId a zone id
     * @return the zone's status now, by the hall's clock
     */
    HoursStatus now(String zoneId);
}
