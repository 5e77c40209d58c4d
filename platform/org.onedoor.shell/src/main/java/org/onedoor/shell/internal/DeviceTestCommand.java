package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.OutboxEntry;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.UnknownDeviceException;

/** {@code onedoor:device-test <id>}: queues a test (test page, test number, test door) for a device. */
@Command(scope = "onedoor", name = "device-test", description = "Queues a test for a device: a printer prints a test page")
@Service
public class DeviceTestCommand implements Action {

    @Reference
    DeviceRegistry devices;

    @Reference
    Session session;

    @Argument(index = 0, name = "device", description = "The device id, e.g. printer1", required = true)
    @Completion(DeviceIdCompleter.class)
    String deviceId;

    @Override
    public Object execute() {
        Object user = session.get("USER");
        try {
            OutboxEntry e = devices.submit(deviceId, new SelfTest(user == null ? "console" : user.toString()));
            System.out.println("Test queued for " + deviceId + " as outbox entry " + e.sequence()
                    + "; device status " + devices.device(deviceId).orElseThrow().health().status());
        } catch (UnknownDeviceException e) {
            throw new IllegalArgumentException(e.getMessage() + " (see onedoor:devices)");
        }
        return null;
    }
}
