package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceView;

/** Completes device ids from the devices configured on this node. */
@Service
public class DeviceIdCompleter implements Completer {

    @Reference
    DeviceRegistry devices;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(devices.devices().stream().map(DeviceView::id).toList())
                .complete(session, commandLine, candidates);
    }
}
