package org.onedoor.api.device;

import java.util.Optional;

/**
 * A technician's test: a printer prints a test page, a display flashes a test number, a
 * locker opens and closes a test door.
 *
 * @param requestedBy who asked for the test
 */
public record SelfTest(String requestedBy) implements DeviceCommand {

    /** Checks the requester. */
    public SelfTest {
        if (requestedBy == null || requestedBy.isBlank() || requestedBy.length() > 128) {
            throw new IllegalArgumentException("requestedBy must be 1-128 characters");
        }
    }

    @Override
    public Optional<DeviceKind> target() {
        return Optional.empty();
    }

    @Override
    public String summary() {
        return "self test by " + requestedBy;
    }
}
