package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.zone.ZoneDirectory;
import org.onedoor.api.zone.ZoneStatus;

/** {@code onedoor:halls}: the halls this node serves, the default hall first, with their open zones and windows. */
@Command(scope = "onedoor", name = "halls", description = "Lists the halls this node serves (the default hall first)")
@Service
public class HallsCommand implements Action {

    @Reference
    HallDirectory halls;

    @Reference
    ZoneDirectory zones;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Hall");
        table.column("Name");
        table.column("Address");
        table.column("Zones");
        table.column("Windows");
        for (Hall h : halls.halls()) {
            int windows = 0;
            int count = 0;
            for (ZoneStatus s : zones.openZones(h.id())) {
                count++;
                windows += s.descriptor().windows().size();
            }
            table.addRow().addContent(h.id() + (h.isDefault() ? " (default)" : ""), h.nameZh() + " / " + h.nameEn(), h.address(), count, windows);
        }
        table.print(System.out);
        return null;
    }
}
