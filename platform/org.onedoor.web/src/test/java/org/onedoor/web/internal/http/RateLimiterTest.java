package org.onedoor.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.onedoor.web.internal.MutableClock;

public class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(3, 2, clock);

    @Test
    void aFullBucketPassesItsCapacityThenRefusesWithTheWait() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.take("10.0.0.1"));
        }
        Duration wait = limiter.take("10.0.0.1");
        assertEquals(Duration.ofMillis(500), wait);
        assertEquals(Duration.ZERO, limiter.take("10.0.0.2"));
    }

    @Test
    void tokensComeBackAtTheRefillRateUpToTheCapacity() {
        for (int i = 0; i < 3; i++) {
            limiter.take("k");
        }
        clock.advance(Duration.ofMillis(500));
        assertEquals(Duration.ZERO, limiter.take("k"));
        assertTrue(limiter.take("k").compareTo(Duration.ZERO) > 0);
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.take("k"));
        }
        assertTrue(limiter.take("k").compareTo(Duration.ZERO) > 0);
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, clock));
    }
}
