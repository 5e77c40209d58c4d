package org.onedoor.api.device;

import java.util.Optional;

/**
 * Show a call ("number → window") on a caller display.
 *
 * @param number the called ticket number
 * @param window the window the citizen goes to, 1 or more
 */
public record ShowCall(String number, int window) implements DeviceCommand {

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public ShowCall {
        if (number == null || number.isBlank() || number.length() > 16) {
            throw new IllegalArgumentException("ticket number must be 1-16 characters");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be 1 or more, was " + window);
        }
    }

    @Override
    public Optional<DeviceKind> target() {
        return Optional.of(DeviceKind.LED_DISPLAY);
    }

    @Override
    public String summary() {
        return "show " + number + " -> window " + window;
    }
}
