package org.onedoor.api.device;

import java.util.Optional;

/**
 * Open one door of a locker cabinet.
 *
 * @param door the door number, 1 or more
 */
public record OpenDoor(int door) implements DeviceCommand {

    /** Checks the door number. */
    public OpenDoor {
        if (door < 1) {
            throw new IllegalArgumentException("door must be 1 or more, was " + door);
        }
    }

    @Override
    public Optional<DeviceKind> target() {
        return Optional.of(DeviceKind.LOCKER);
    }

    @Override
    public String summary() {
        return "open door " + door;
    }
}
