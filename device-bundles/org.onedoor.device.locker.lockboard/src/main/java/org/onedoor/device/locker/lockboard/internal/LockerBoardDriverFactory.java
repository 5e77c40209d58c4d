package org.onedoor.device.locker.lockboard.internal;

import java.time.Duration;
import java.util.Map;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
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
        Map<String, String> p = context.config().properties();
        if (!p.containsKey("doors")) {
            throw new IllegalArgumentException("doors (how many doors the cabinet has) is missing");
        }
        int doors = number(p, "doors", "0", 1, 100);
        int address = number(p, "address", "1", 1, 255);
        int testDoor = number(p, "testDoor", Integer.toString(doors), 1, doors);
        int leftOpen = number(p, "leftOpenSeconds", "120", 1, 86_400);
        int timeout = number(p, "answerTimeoutMillis", "1000", 50, 60_000);
        String polarity = p.getOrDefault("polarity", "open-high").strip();
        if (!polarity.equals("open-high") && !polarity.equals("open-low")) {
            throw new IllegalArgumentException("polarity '" + polarity + "' must be open-high or open-low");
        }
        return new LockerCabinetHandler(context, new LockBoardFrames(address, polarity.equals("open-high")), doors, testDoor,
                Duration.ofSeconds(leftOpen), Duration.ofMillis(timeout));
    }

    private static int number(Map<String, String> p, String key, String fallback, int min, int max) {
        String text = p.getOrDefault(key, fallback).strip();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + text + "' is not a number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + "-" + max + ", was " + value);
        }
        return value;
    }
}
