package org.onedoor.device.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.PrintTicket;
import org.onedoor.api.device.StatusDetail;

/** A driver for {@link AckingLineDevice}: one line per printed ticket, delivered once the device answers {@code K}. */
public final class LineDriver implements DeviceDriverFactory {

    @Override
    public String driverId() {
        return "line";
    }

    @Override
    public boolean supports(DeviceKind kind) {
        return kind == DeviceKind.PRINTER;
    }

    @Override
    public DeviceHandler create(DeviceContext context) {
        return new DeviceHandler() {
            @Override
            public String execute(DeviceCommand command) throws DeviceException {
                if (!(command instanceof PrintTicket t)) {
                    throw DeviceException.rejected("only tickets");
                }
                return exchange(context, t.number() + "\n", 'K');
            }

            @Override
            public void probe() throws DeviceException {
                exchange(context, "?\n", 'S');
            }

            @Override
            public void dispose() {
                // holds nothing
            }
        };
    }

    private static String exchange(DeviceContext context, String line, char expected) throws DeviceException {
        try {
            context.link().write(line.getBytes(StandardCharsets.UTF_8));
            byte[] answer = context.link().read(1, Duration.ofSeconds(2));
            if (answer[0] != expected) {
                throw new DeviceException(StatusDetail.DEVICE_ERROR, "unexpected answer " + answer[0], null);
            }
            return "ack";
        } catch (IOException e) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, e.getMessage(), e);
        }
    }
}
