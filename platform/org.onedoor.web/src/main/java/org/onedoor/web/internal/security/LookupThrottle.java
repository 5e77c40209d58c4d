package org.onedoor.web.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.web.internal.http.RateLimiter;

/**
 * Slows the guessing of citizens' check codes without locking a citizen out: wrong look-ups are
 * counted per client address (after {@code perAddress} of them each further one waits a back-off
 * that doubles, 1 s, 2 s … up to 15 minutes; the count fades after an hour without one) and in
 * total ({@code perHour} wrong look-ups an hour from all addresses together, a token bucket).
 * Case numbers are predictable, so nothing is counted per case. Kept per node, in memory.
 */
public final class LookupThrottle {

    public static final Duration MAX_BACK_OFF = Duration.ofMinutes(15);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 100_000;
    private static final String ALL = "all";

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final int perAddress;
    private final RateLimiter overall;
    private final Clock clock;

    public LookupThrottle(int perAddress, int perHour, Clock clock) {
        this.perAddress = Math.max(1, perAddress);
        this.overall = new RateLimiter(Math.max(1, perHour), Math.max(1, perHour) / 3600.0, clock);
        this.clock = clock;
    }

    /** @return how long a look-up from this address must wait; zero when it may run */
    public Duration waitBefore(String address) {
        Instant now = clock.instant();
        Failures f = byAddress.get(address);
        Duration forAddress = Duration.ZERO;
        if (f != null && f.count() >= perAddress && !now.isAfter(f.last().plus(FORGET_AFTER))) {
            Duration backOff = Duration.ofSeconds(1L << Math.min(f.count() - perAddress, 20));
            Duration left = Duration.between(now, f.last().plus(backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff));
            forAddress = left.isNegative() ? Duration.ZERO : left;
        }
        Duration forAll = overall.peek(ALL);
        return forAddress.compareTo(forAll) >= 0 ? forAddress : forAll;
    }

    /** Counts a wrong look-up (unknown number or wrong code) against the address and the total. */
    public void failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.values().removeIf(f -> now.isAfter(f.last().plus(FORGET_AFTER)));
        }
        byAddress.merge(address, new Failures(1, now), (old, one) ->
                now.isAfter(old.last().plus(FORGET_AFTER)) ? one : new Failures(old.count() + 1, now));
        overall.take(ALL);
    }

    /** How many wrong look-ups, and the last one's time. */
    private record Failures(int count, Instant last) {
    }
}
