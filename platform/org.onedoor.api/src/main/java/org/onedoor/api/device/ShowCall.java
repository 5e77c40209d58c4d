package org.onedoor.api.device;

import java.util.Optional;

/**
 * Show a call ("number → window", with the name plate of the staff at the window) on a caller display.
 *
 * @param number the called ticket number
 * @param window the window the citizen goes to, 1 or more
 * @param plate  the name plate of the staff signed in at the window (staff number and name, never a login name),
 *               at most {@value #MAX_PLATE} characters; empty when none is registered (since 1.4.0)
 */
public record ShowCall(String number, int window, String plate) implements DeviceCommand {

    /** The longest name plate a call carries (a board line is short). */
    public static final int MAX_PLATE = 20;

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public ShowCall {
        if (number == null || number.isBlank() || number.length() > 16) {
            throw new IllegalArgumentException("ticket number must be 1-16 characters");
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be 1 or more, was " + window);
        }
        plate = plate == null ? "" : plate.strip();
        if (plate.length() > MAX_PLATE) {
            throw new IllegalArgumentException("plate must be at most " + MAX_PLATE + " characters");
        }
    }

    /** A call without a name plate. */
    public ShowCall(String number, int window) {
        this(number, window, "");
    }

    @Override
    public Optional<DeviceKind> target() {
        return Optional.of(DeviceKind.LED_DISPLAY);
    }

    @Override
    public String summary() {
        return "show " + number + " -> window " + window + (plate.isEmpty() ? "" : " (" + plate + ")");
    }
}
