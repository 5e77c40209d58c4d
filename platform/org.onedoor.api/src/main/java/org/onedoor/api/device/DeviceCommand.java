package org.onedoor.api.device;

import java.util.Optional;

/**
 * Something the hall asks a device to do; immutable, kept in the outbox until delivered.
 *
 * <p>New command records may be added in minor versions; a handler answers a command it does
 * not know with {@link DeviceException#rejected(String)}.
 */
public sealed interface DeviceCommand permits PrintTicket, ShowCall, OpenDoor, SelfTest {

    /** @return the device family the command is for; empty when any family accepts it */
    Optional<DeviceKind> target();

    /** @return a one-line human summary, e.g. for the outbox listing */
    String summary();
}
