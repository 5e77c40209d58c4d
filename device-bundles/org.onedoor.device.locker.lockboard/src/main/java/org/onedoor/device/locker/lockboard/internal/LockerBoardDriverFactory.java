package org.onedoor.device.locker.lockboard.internal;

import java.time.Duration;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.DriverSettings;
import org.osgi.service.component.annotations.Component;

/**
 * The locker board driver ({@code driver = lockboard}). Device properties it reads: {@code doors}
 * (1-100, required), {@code address} (1-255, default 1), {@code polarity} ({@code open-high}:
 * state 11 means open, the default; {@code open-low}: 00 means open), {@code testDoor} (default the
 * last door), {@code leftOpenSeconds} (default 120) and {@code answerTimeoutMillis} (default 1000).
 */
@Component(service = DeviceDriverFactory.class)
public final class LockerBoardDriverFactory implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "lockboard";
    }

    @Override
    public boolean supports(DeviceKind kind) {
        return kind == DeviceKind.LOCKER;
    }

    @Override
    public DeviceHandler create(DeviceContext context) {
        DeviceConfig config = context.config();
        LockerBoardSettings settings = context.configAs(LockerBoardSettings.class);
        if (settings.doors() == LockerBoardSettings.NO_DOORS) {
            throw new IllegalArgumentException("device " + config.id() + ": doors (how many doors the cabinet has) is missing");
        }
        int doors = (int) DriverSettings.inRange(config, "doors", settings.doors(), 1, 100);
        int address = (int) DriverSettings.inRange(config, "address", settings.address(), 1, 255);
        int testDoor = settings.testDoor() == 0 ? doors : (int) DriverSettings.inRange(config, "testDoor", settings.testDoor(), 1, doors);
        int leftOpen = (int) DriverSettings.inRange(config, "leftOpenSeconds", settings.leftOpenSeconds(), 1, 86_400);
        int timeout = (int) DriverSettings.inRange(config, "answerTimeoutMillis", settings.answerTimeoutMillis(), 50, 60_000);
        String polarity = settings.polarity().strip();
        if (!polarity.equals("open-high") && !polarity.equals("open-low")) {
            throw new IllegalArgumentException("device " + config.id() + ": polarity '" + polarity
                    + "' must be open-high or open-low");
        }
        return new LockerCabinetHandler(context, new LockBoardFrames(address, polarity.equals("open-high")), doors, testDoor,
                Duration.ofSeconds(leftOpen), Duration.ofMillis(timeout));
    }
}
