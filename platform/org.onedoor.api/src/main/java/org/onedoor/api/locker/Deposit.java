package org.onedoor.api.locker;

import java.time.Instant;
import java.util.Optional;

/**
 * A result deposited in a locker door.
 *
 * @param id          the deposit's id
 * @param cabinetId   the cabinet
 * @param door        the door, 1 or more
 * @param reference   what was deposited, e.g. a case number
 * @param depositedBy who deposited it
 * @param depositedAt when
 * @param pickedUpAt  when it was picked up, empty while it waits
 */
public record Deposit(long id, String cabinetId, int door, String reference, String depositedBy, Instant depositedAt,
        Optional<Instant> pickedUpAt) {

    /** @return true while the deposit waits for its citizen */
    public boolean waiting() {
        return pickedUpAt.isEmpty();
    }
}
