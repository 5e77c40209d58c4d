package org.onedoor.api.zone;

/**
 * The outcome of enabling or disabling a zone.
 *
 * @param zoneId  the zone id
 * @param changed false when the zone already was in the asked state
 * @param state   the zone's state afterwards
 */
public record ZoneSwitch(String zoneId, boolean changed, ZoneState state) {
}
