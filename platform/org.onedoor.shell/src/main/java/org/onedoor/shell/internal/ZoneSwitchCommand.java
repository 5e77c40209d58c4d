package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.hall.Hall;
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

    static Object run(ZoneControl control, AuditTrail audit, Session session, String hallId, String zoneId, boolean enable) {
        String verb = enable ? "enabled" : "disabled";
        String action = enable ? "zone-enable" : "zone-disable";
        if (!Hall.DEFAULT_ID.equals(hallId)) {
            // a configured hall's zones are its configuration's: they open and close with it
            throw new IllegalArgumentException("The zones of hall " + hallId + " open and close with its configuration "
                    + "org.onedoor.hall.site (etc/org.onedoor.hall.site~" + hallId + ".cfg, key zones); zone features switch the "
                    + "default hall's zones only.");
        }
        try {
            ZoneSwitch result = enable ? control.enable(zoneId) : control.disable(zoneId);
            ShellAudit.record(audit, session, action, zoneId, AuditEvent.SUCCESS, "state " + result.state() + (result.changed() ? "" : ", unchanged"));
            if (!result.changed()) {
                System.out.println("Zone " + zoneId + " was already " + verb + " (state " + result.state() + ").");
            } else {
                System.out.println("Zone " + zoneId + " " + verb + ": state is now " + result.state() + ".");
            }
        } catch (UnknownZoneException e) {
            ShellAudit.record(audit, session, action, zoneId, AuditEvent.FAILURE, "unknown zone");
            throw new IllegalArgumentException("Unknown zone '" + zoneId + "'. Zones on this node: "
                    + String.join(", ", control.availableZones()) + " (see onedoor:zones --all).");
        } catch (ZoneSwitchException e) {
            ShellAudit.record(audit, session, action, zoneId, AuditEvent.FAILURE, e.getMessage());
            throw new IllegalStateException("Zone " + zoneId + " could not be " + verb + ": " + e.getMessage()
                    + ". Nothing was changed; see log:tail for details.");
        }
        return null;
    }
}
