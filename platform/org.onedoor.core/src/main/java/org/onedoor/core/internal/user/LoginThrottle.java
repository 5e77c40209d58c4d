package org.onedoor.core.internal.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onedoor.api.signin.SignInThrottle;
import org.osgi.service.component.annotations.Component;

/**
 * Slows password guessing: after a number of failed sign-ins for one user name, or from one
 * client address, further attempts are refused without checking the password for a back-off
 * that doubles with each further failure (1 s, 2 s, 4 s … up to 15 minutes). A success clears
 * the user's count; an address's count fades after an hour without failures. Kept per node, one
 * for the HTTP API and the SSH console together.
 */
@Component(service = SignInThrottle.class)
public final class LoginThrottle implements SignInThrottle {

    static final int USER_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 30;
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Duration waitBeforeAttempt(String user, String address) {
        Instant now = clock.instant();
        Duration forUser = wait(byUser.get(user), USER_FREE_FAILURES, now);
        Duration forAddress = wait(byAddress.get(address), ADDRESS_FREE_FAILURES, now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    @Override
    public void failed(String user, String address) {
        Instant now = clock.instant();
        forgetStale(now);
        byUser.merge(user, new Failures(1, now), (a, b) -> a.next(now));
        byAddress.merge(address, new Failures(1, now), (a, b) -> a.next(now));
    }

    @Override
    public void succeeded(String user) {
        byUser.remove(user);
    }

    private static Duration wait(Failures f, int free, Instant now) {
        if (f == null || f.count() < free || now.isAfter(f.last().plus(FORGET_AFTER))) {
            return Duration.ZERO;
        }
        int over = Math.min(f.count() - free, 20);
        Duration backOff = Duration.ofSeconds(1L << over);
        if (backOff.compareTo(MAX_BACK_OFF) > 0) {
            backOff = MAX_BACK_OFF;
        }
        Duration left = Duration.between(now, f.last().plus(backOff));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void forgetStale(Instant now) {
        for (Map<String, Failures> m : java.util.List.of(byUser, byAddress)) {
            if (m.size() > MAX_ENTRIES) {
                m.values().removeIf(f -> now.isAfter(f.last().plus(FORGET_AFTER)));
            }
        }
    }

    /** How many failures, and the last one's time. */
    private record Failures(int count, Instant last) {
        Failures next(Instant now) {
            return new Failures(count + 1, now);
        }
    }
}
