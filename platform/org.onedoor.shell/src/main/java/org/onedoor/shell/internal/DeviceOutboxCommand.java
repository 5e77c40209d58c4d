package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.UnknownDeviceException;

/** {@code onedoor:device-outbox <id>}: a device's waiting commands in delivery order, then its latest deliveries. */
@Command(scope = "onedoor", name = "device-outbox", description = "Shows a device's outbox: waiting commands first, then the latest delivered")
@Service
public class DeviceOutboxCommand implements Action {

    @Reference
    DeviceRegistry devices;

    @Argument(index = 0, name = "device", description = "The device id, e.g. printer1", required = true)
    @Completion(DeviceIdCompleter.class)
    String deviceId;

    @Option(name = "-n", aliases = "--limit", description = "At most this many entries (1-1000)")
    int limit = 20;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("Seq");
            table.column("State");
            table.column("Attempts");
            table.column("Created");
            table.column("Command");
            table.column("Note");
            for (OutboxEntry e : devices.outbox(deviceId, limit)) {
                table.addRow().addContent(e.sequence(), e.state(), e.attempts(), e.createdAt(), e.command().summary(), e.note());
            }
            table.print(System.out);
            System.out.println(devices.device(deviceId).orElseThrow().pending() + " commands waiting");
        } catch (UnknownDeviceException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see onedoor:devices)");
        }
        return null;
    }
}
