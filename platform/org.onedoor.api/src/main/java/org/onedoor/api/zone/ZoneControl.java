package org.onedoor.api.zone;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens and closes zones on this node at run time by installing or uninstalling their
 * features ({@code onedoor-zone-<id>}); offered by the core to the shell and the web API.
 *
 * <p>Calls block until the framework has acted (usually well under a few seconds); do not call
 * them from an event loop. Nothing a zone stored is removed when it is disabled.
 */
@ProviderType
public interface ZoneControl {

    /**
     * Installs the zone's feature if needed.
     *
     * @param zoneId the zone id
     * @return what happened
     * @throws UnknownZoneException if no feature for that zone is available on this node
     * @throws ZoneSwitchException  if the framework refused the change
     */
    ZoneSwitch enable(String zoneId);

    /**
     * Uninstalls the zone's feature if it is installed.
     *
     * @param zoneId the zone id
     * @return what happened
     * @throws UnknownZoneException if no feature for that zone is available on this node
     * @throws ZoneSwitchException  if the framework refused the change
     */
    ZoneSwitch disable(String zoneId);

    /** @return ids of every zone that can be enabled on this node (its feature is available) */
    java.util.List<String> availableZones();
}
