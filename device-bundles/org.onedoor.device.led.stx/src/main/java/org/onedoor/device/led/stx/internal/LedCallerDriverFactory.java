package org.onedoor.device.led.stx.internal;

import java.time.Duration;
import java.util.Map;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.osgi.service.component.annotations.Component;

/**
 * The STX/ETX LED caller display driver ({@code driver = led-stx}). Device properties it reads:
 * {@code address} (board address on the bus, 1-254, default 1), {@code codec} (xor or sum8,
 * default xor) and {@code answerTimeoutMillis} (default 1000).
 */
@Component(service = DeviceDriverFactory.class)
public final class LedCallerDriverFactory implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "led-stx";
    }

    @Override
    public boolean supports(DeviceKind kind) {
        return kind == DeviceKind.LED_DISPLAY;
    }

    @Override
    public DeviceHandler create(DeviceContext context) {
        Map<String, String> p = context.config().properties();
        int address = number(p, "address", "1", 1, 254);
        int timeout = number(p, "answerTimeoutMillis", "1000", 50, 60_000);
        FrameCodec codec = FrameCodec.named(p.getOrDefault("codec", "xor"));
        return new LedCallerHandler(context, new StxFrames(codec, address), Duration.ofMillis(timeout));
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
