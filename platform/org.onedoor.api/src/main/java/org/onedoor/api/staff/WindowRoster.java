package org.onedoor.api.staff;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onedoor.api.session.HallPrincipal;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Windows and name plates: the hall assigns staff to a zone (a clerk's zone limits the windows it may
 * take) and keeps a roster of who sits at which window by day; the window's screen and the public
 * views show the name plate (staff number and name) of the person signed in, never a login name.
 * Changes are by the hall (admin, operator, supervisor) and audited. Blocking.
 */
@ProviderType
public interface WindowRoster {

    /** Puts an active staff member at a window of its zone for a day (replacing whoever was rostered there). */
    RosterEntry assign(String hallId, LocalDate day, int window, long staffId, HallPrincipal actor, String origin);

    /** Takes a window off the day's roster; false when nobody was rostered there. */
    boolean unassign(String hallId, LocalDate day, int window, HallPrincipal actor, String origin);

    /** @return the day's roster of the hall, by window */
    List<RosterEntry> roster(String hallId, LocalDate day);

    /** Sets (or, when empty, clears) the zone whose windows the member may take. */
    void setZone(long staffId, Optional<String> zoneId, HallPrincipal actor, String origin);

    /** @return the member's zone, if the hall set one */
    Optional<String> zone(long staffId);

    /** @return the name plates of those of the users that have an active staff record with a number */
    Map<String, NamePlate> namePlates(Collection<String> userNames);
}
