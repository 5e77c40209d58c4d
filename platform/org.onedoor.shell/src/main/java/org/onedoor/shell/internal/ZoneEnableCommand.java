package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.zone.ZoneControl;

/** {@code onedoor:zone-enable <id>}: opens a zone on this node by installing its feature. */
@Command(scope = "onedoor", name = "zone-enable", description = "Opens a zone on this node (installs its feature onedoor-zone-<id>)")
@Service
public class ZoneEnableCommand implements Action {

    @Reference
    ZoneControl control;

    @Reference
    AuditTrail audit;

    @Reference
    Session session;

    @Reference
    HallDirectory halls;

    @Option(name = HallOption.NAME, description = HallOption.DESCRIPTION)
    String hall;

    @Argument(index = 0, name = "zone", description = "The zone id, e.g. police", required = true)
    @Completion(ZoneIdCompleter.class)
    String zoneId;

    @Override
    public Object execute() {
        return ZoneSwitchCommand.run(control, audit, session, HallOption.of(halls, hall), zoneId, true);
    }
}
