package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(new HallDatabase(TestStore.migrated()), clock);

    @Test
    void theFirstFailuresAreFreeThenTheBackOffDoubles() {
        for (int i = 0; i < LoginThrottle.USER_FREE_FAILURES - 1; i++) {
            throttle.failed("admin", "10.0.0.1");
            assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("admin", "10.0.0.2"));
        }
        throttle.failed("admin", "10.0.0.1");
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("admin", "10.0.0.2"));
        throttle.failed("admin", "10.0.0.1");
        assertEquals(Duration.ofSeconds(2), throttle.waitBeforeAttempt("admin", "10.0.0.3"));
        throttle.failed("admin", "10.0.0.1");
        assertEquals(Duration.ofSeconds(4), throttle.waitBeforeAttempt("admin", "10.0.0.3"));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeAttempt("admin", "10.0.0.3"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("admin", "10.0.0.3"));
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("op1", "10.0.0.3"));
    }

    @Test
    void theBackOffStopsAtFifteenMinutesAndASuccessClearsTheUser() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        assertEquals(LoginThrottle.MAX_BACK_OFF, throttle.waitBeforeAttempt("admin", "10.0.0.9"));
        throttle.succeeded("admin");
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("admin", "10.0.0.9"));
    }

    @Test
    void oneAddressTryingManyNamesIsSlowedToo() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("user" + i, "10.6.6.6");
        }
        assertTrue(throttle.waitBeforeAttempt("someone-new", "10.6.6.6").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("someone-new", "10.0.0.1"));
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("someone-new", "10.6.6.6"));
    }
}
