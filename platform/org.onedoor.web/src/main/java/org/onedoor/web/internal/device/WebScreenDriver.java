package org.onedoor.web.internal.device;

import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceDriverFactory;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.StatusDetail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The driver of web big-screens ({@code kind = screen}, {@code driver = web}): a screen is online
 * while its page ({@code /ui/screen?device=<id>}) holds the node's event stream, which carries
 * the calls to it; offline with a communication error when the page has gone away.
 */
@Component(service = DeviceDriverFactory.class)
public final class WebScreenDriver implements DeviceDriverFactory {

    private final ScreenConnections connections;

    @Activate
    public WebScreenDriver(@Reference ScreenConnections connections) {
        this.connections = connections;
    }

    @Override
    public String driverId() {
        return "web";
    }

    @Override
    public boolean supports(DeviceKind kind) {
        return kind == DeviceKind.SCREEN;
    }

    @Override
    public DeviceHandler create(DeviceContext context) {
        String id = context.config().id();
        return new DeviceHandler() {
            @Override
            public String execute(DeviceCommand command) throws DeviceException {
                if (!(command instanceof SelfTest)) {
                    throw DeviceException.rejected("a web screen shows the queue's events itself; it cannot " + command.summary());
                }
                return connected();
            }

            @Override
            public void probe() throws DeviceException {
                connected();
            }

            private String connected() throws DeviceException {
                ScreenConnections.Presence p = connections.presence(id);
                if (p == null || p.streams() == 0) {
                    throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "屏幕页面未连接 (the page /ui/screen?device=" + id
                            + (p == null ? " has not connected since the node started)" : " went away at " + p.since() + ")"), null);
                }
                return p.streams() + " page(s) connected since " + p.since();
            }

            @Override
            public void dispose() {
                // holds nothing
            }
        };
    }
}
