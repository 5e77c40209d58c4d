package org.onedoor.shell.internal;

import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.ZoneControl;
import org.onedoor.api.zone.ZoneSwitch;
import org.onedoor.api.zone.ZoneSwitchException;

/**
 * What enabling and disabling a zone from the console share: the call and the operator's
 * messages. Failures are thrown so the console prints them as errors and scripts see a failure.
 */
final class ZoneSwitchCommand {

    private ZoneSwitchCommand() {
    }

    static Object run(ZoneControl control, String zoneId, boolean enable) {
        String verb = enable ? "enabled" : "disabled";
        try {
            ZoneSwitch result = enable ? control.enable(zoneId) : control.disable(zoneId);
            if (!result.changed()) {
                System.out.println("Zone " + zoneId + " was already " + verb + " (state " + result.state() + ").");
            } else {
                System.out.println("Zone " + zoneId + " " + verb + ": state is now " + result.state() + ".");
            }
        } catch (UnknownZoneException e) {
            throw new IllegalArgumentException("Unknown zone '" + zoneId + "'. Zones on this node: "
                    + String.join(", ", control.availableZones()) + " (see onedoor:zones --all).");
        } catch (ZoneSwitchException e) {
            throw new IllegalStateException("Zone " + zoneId + " could not be " + verb + ": " + e.getMessage()
                    + ". Nothing was changed; see log:tail for details.");
        }
        return null;
    }
}
