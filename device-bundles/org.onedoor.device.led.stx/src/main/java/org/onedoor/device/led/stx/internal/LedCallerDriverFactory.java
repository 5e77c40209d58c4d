package org.onedoor.device.led.stx.internal;

import java.time.Duration;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.DriverSettings;
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
        LedCallerSettings settings = context.configAs(LedCallerSettings.class);
        int address = (int) DriverSettings.inRange(context.config(), "address", settings.address(), 1, 254);
        int timeout = (int) DriverSettings.inRange(context.config(), "answerTimeoutMillis", settings.answerTimeoutMillis(), 50, 60_000);
        FrameCodec codec = FrameCodec.named(settings.codec());
        return new LedCallerHandler(context, new StxFrames(codec, address), Duration.ofMillis(timeout));
    }
}
