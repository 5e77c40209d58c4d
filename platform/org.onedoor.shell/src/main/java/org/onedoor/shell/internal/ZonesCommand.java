package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneStatus;

/** {@code onedoor:zones [--hall <hall>]}: the zones of a hall on this node with their windows and state. */
@Command(scope = "onedoor", name = "zones", description = "Lists the zones (acceptance areas) of this hall node")
@Service
public class ZonesCommand implements Action {

    @Reference
    ZoneDirectory zones;

    @Option(name = "-a", aliases = "--all", description = "Also list zones that are disabled on this node")
    boolean all;

    @Reference
    HallDirectory halls;

    @Option(name = HallOption.NAME, description = HallOption.DESCRIPTION)
    String hall;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Zone");
        table.column("Letter");
        table.column("Name");
        table.column("Floor");
        table.column("Windows");
        table.column("State");
        int windows = 0;
        String hallId = HallOption.of(halls, hall);
        for (ZoneStatus s : all ? zones.knownZones(hallId) : zones.openZones(hallId)) {
            ZoneDescriptor d = s.descriptor();
            String range = d.windows().isEmpty() ? "-"
                    : d.windows().get(0).number() + "-" + d.windows().get(d.windows().size() - 1).number()
                            + " (" + d.windows().size() + ")";
            table.addRow().addContent(d.id(), d.letter(), d.nameZh() + " / " + d.nameEn(), d.floor(), range, s.state());
            windows += d.windows().size();
        }
        table.print(System.out);
        System.out.println(windows + " windows in the listed zones" + HallOption.suffix(hallId));
        return null;
    }
}
