package org.onedoor.device.led.stx.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.onedoor.api.device.DeviceCommand;
import org.onedoor.api.device.DeviceContext;
import org.onedoor.api.device.DeviceException;
import org.onedoor.api.device.DeviceHandler;
import org.onedoor.api.device.SelfTest;
import org.onedoor.api.device.ShowCall;
import org.onedoor.api.device.StatusDetail;

/** Drives one LED caller board: shows "number → window" for the windows it serves, flashes a test number. */
final class LedCallerHandler implements DeviceHandler {

    static final String TEST_TEXT = "测试 8888";

    private final DeviceContext context;
    private final StxFrames frames;
    private final Duration timeout;

    LedCallerHandler(DeviceContext context, StxFrames frames, Duration timeout) {
        this.context = context;
        this.frames = frames;
        this.timeout = timeout;
    }

    static String callText(ShowCall call) {
        return call.number() + "→" + call.window() + "号窗口" + (call.plate().isEmpty() ? "" : " " + call.plate());
    }

    @Override
    public String execute(DeviceCommand command) throws DeviceException {
        if (command instanceof ShowCall call) {
            List<Integer> windows = context.config().windows();
            if (!windows.isEmpty() && !windows.contains(call.window())) {
                throw DeviceException.rejected("this board serves windows " + windows + ", not " + call.window());
            }
            send(StxFrames.SHOW, callText(call));
            return "shown " + callText(call);
        }
        if (command instanceof SelfTest) {
            send(StxFrames.FLASH, TEST_TEXT);
            return "flashed " + TEST_TEXT;
        }
        throw DeviceException.rejected("a caller display cannot " + command.summary());
    }

    @Override
    public void probe() throws DeviceException {
        send(StxFrames.STATUS, "");
    }

    private void send(int command, String text) throws DeviceException {
        try {
            frames.exchange(context.link(), command, text, timeout);
        } catch (IOException e) {
            throw new DeviceException(StatusDetail.COMMUNICATION_ERROR, "board behind " + context.config().host() + ":"
                    + context.config().port() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void dispose() {
        // the node closes the link; nothing else is held
    }
}
