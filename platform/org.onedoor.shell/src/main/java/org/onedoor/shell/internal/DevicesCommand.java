package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceView;

/** {@code onedoor:devices}: the configured devices with their driver, address, status and waiting commands. */
@Command(scope = "onedoor", name = "devices", description = "Lists the devices of this hall node with their status")
@Service
public class DevicesCommand implements Action {

    @Reference
    DeviceRegistry devices;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Device");
        table.column("Kind");
        table.column("Driver");
        table.column("Address");
        table.column("Zone");
        table.column("Windows");
        table.column("Status");
        table.column("Pending");
        table.column("Detail");
        for (DeviceView d : devices.devices()) {
            DeviceConfig c = d.config();
            String detail = d.health().message().isEmpty() ? "" : d.health().detail() + ": " + d.health().message();
            long open = d.children().values().stream().filter("open"::equals).count();
            if (!d.children().isEmpty()) {
                detail = (detail.isEmpty() ? "" : detail + "; ") + open + " of " + d.children().size() + " doors open";
            }
            table.addRow().addContent(d.id(), c == null ? "-" : c.kind().configName(), c == null ? "-" : c.driver(),
                    c == null || c.host().isEmpty() ? "-" : c.host() + ":" + c.port(), c == null || c.zone().isEmpty() ? "-" : c.zone(),
                    c == null || c.windows().isEmpty() ? "-" : ranges(c.windows()),
                    d.health().status(), d.pending(), detail);
        }
        table.print(System.out);
        return null;
    }

    /** @return the window numbers as ascending runs, e.g. {@code 1-16,20,97-99} */
    static String ranges(java.util.Collection<Integer> windows) {
        java.util.List<Integer> sorted = windows.stream().distinct().sorted().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.size(); i++) {
            int start = sorted.get(i);
            while (i + 1 < sorted.size() && sorted.get(i + 1) == sorted.get(i) + 1) {
                i++;
            }
            out.append(out.length() == 0 ? "" : ",").append(start);
            if (sorted.get(i) != start) {
                out.append('-').append(sorted.get(i));
            }
        }
        return out.toString();
    }
}
