package org.onedoor.device.printer.escpos.internal;

import java.time.Duration;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.DriverSettings;
import org.osgi.service.component.annotations.Component;

/**
 * The ESC/POS printer driver ({@code driver = escpos}). Device properties it reads: {@link EscPosSettings}.
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
        EscPosSettings settings = context.configAs(EscPosSettings.class);
        long millis = DriverSettings.inRange(context.config(), "answerTimeoutMillis", settings.answerTimeoutMillis(), 50, 60_000);
        String title = settings.title().strip();
        if (title.isEmpty() || title.length() > 32) {
            throw new IllegalArgumentException("device " + context.config().id() + ": title must be 1-32 characters");
        }
        return new EscPosPrinterHandler(context, new TicketLayout(title), Duration.ofMillis(millis));
    }
}
