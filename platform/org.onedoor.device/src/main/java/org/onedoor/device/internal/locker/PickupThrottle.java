package org.onedoor.device.internal.locker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.onedoor.api.locker.LockerException;

/**
 * Limits guessing of pickup codes: at most {@link #PER_ORIGIN} wrong codes from one address and
 * {@link #PER_CABINET} from all addresses at one cabinet within {@link #WINDOW}; counted in the
 * store, so every node of the hall sees the same count.
 */
final class PickupThrottle {

    static final int PER_ORIGIN = 5;
    static final int PER_CABINET = 30;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final LockerStore store;

    PickupThrottle(LockerStore store) {
        this.store = store;
    }

    /** @throws LockerException {@link LockerException.Reason#TOO_MANY_ATTEMPTS} when the limit is reached */
    void check(String cabinetId, String origin, Instant now) {
        Instant since = now.minus(WINDOW);
        refuseIfOver(store.failures(cabinetId, origin, since), PER_ORIGIN, now);
        refuseIfOver(store.failures(cabinetId, null, since), PER_CABINET, now);
    }

    void failed(String cabinetId, String origin, Instant now) {
        store.failedPickup(cabinetId, origin, now);
    }

    private static void refuseIfOver(List<Instant> failures, int limit, Instant now) {
        if (failures.size() < limit) {
            return;
        }
        Instant freeAt = failures.get(failures.size() - limit).plus(WINDOW);
        long seconds = Math.max(1, Duration.between(now, freeAt).toSeconds() + 1);
        throw new LockerException(LockerException.Reason.TOO_MANY_ATTEMPTS,
                "取件码错误次数过多，请 " + ((seconds + 59) / 60) + " 分钟后再试或联系工作人员 (too many wrong codes; try again in "
                        + seconds + " s or ask the staff)", seconds);
    }
}
