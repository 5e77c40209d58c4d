package org.onedoor.device.printer.escpos.internal;

import java.time.Duration;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.osgi.service.component.annotations.Component;

/**
 * The ESC/POS printer driver ({@code driver = escpos}). Device properties it reads:
 * {@code title} (heading of every ticket) and {@code answerTimeoutMillis} (status answer wait).
 */
@Component(service = DeviceDriverFactory.class)
public final class EscPosDriverFactory implements DeviceDriverFactory {

    static final String DEFAULT_TITLE = "市民之家";

    @Override
    public String driverId() {
        return "escpos";
    }

    @Override
    public boolean supports(DeviceKind kind) {
        return kind == DeviceKind.PRINTER;
    }

    @Override
    public DeviceHandler create(DeviceContext context) {
        String title = context.config().properties().getOrDefault("title", DEFAULT_TITLE);
        String timeout = context.config().properties().getOrDefault("answerTimeoutMillis", "2000");
        long millis;
        try {
            millis = Long.parseLong(timeout.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("answerTimeoutMillis '" + timeout + "' is not a number");
        }
        if (millis < 50 || millis > 60_000) {
            throw new IllegalArgumentException("answerTimeoutMillis must be 50-60000, was " + millis);
        }
        if (title.isBlank() || title.length() > 32) {
            throw new IllegalArgumentException("title must be 1-32 characters");
        }
        return new EscPosPrinterHandler(context, new TicketLayout(title), Duration.ofMillis(millis));
    }
}
