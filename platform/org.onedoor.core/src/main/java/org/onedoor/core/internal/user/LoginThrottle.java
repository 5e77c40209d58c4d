package org.onedoor.core.internal.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.signin.SignInThrottle;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Slows password guessing: after a number of failed sign-ins for one user name, or from one
 * client address, further attempts are refused without checking the password for a back-off
 * that doubles with each further failure (1 s, 2 s, 4 s … up to 15 minutes). A success clears
 * the user's count; an address's count fades after an hour without failures. The counts live in
 * the hall database (table {@code sign_in_failure}), so every node of the hall applies the same
 * back-off, one for the HTTP API and the SSH console together. Calls block on the database.
 */
@Component(service = SignInThrottle.class)
public final class LoginThrottle implements SignInThrottle {

    static final int USER_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 30;
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final String USER = "user";
    static final String ADDRESS = "address";
    /** Longest subject the table keeps; longer names and addresses are counted by their start. */
    private static final int SUBJECT_LENGTH = 128;

    private final HallDatabase database;
    private final Clock clock;

    @Activate
    public LoginThrottle(@Reference HallDatabase database) {
        this(database, Clock.systemUTC());
    }

    LoginThrottle(HallDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Duration waitBeforeAttempt(String user, String address) {
        Instant now = clock.instant();
        Duration forUser = wait(failures(USER, user), USER_FREE_FAILURES, now);
        Duration forAddress = wait(failures(ADDRESS, address), ADDRESS_FREE_FAILURES, now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    @Override
    public void failed(String user, String address) {
        Instant now = clock.instant();
        database.useTransaction(h -> {
            h.createUpdate("DELETE FROM sign_in_failure WHERE last_failure < :stale").bind("stale", now.minus(FORGET_AFTER)).execute();
            count(h, USER, user, now);
            count(h, ADDRESS, address, now);
        });
    }

    @Override
    public void succeeded(String user) {
        database.withHandle(h -> h.createUpdate("DELETE FROM sign_in_failure WHERE subject_kind = :kind AND subject = :subject")
                .bind("kind", USER).bind("subject", subject(user)).execute());
    }

    private Optional<Failures> failures(String kind, String subject) {
        return database.withHandle(h -> h.createQuery(
                "SELECT failures, last_failure FROM sign_in_failure WHERE subject_kind = :kind AND subject = :subject")
                .bind("kind", kind).bind("subject", subject(subject))
                .map((rs, ctx) -> new Failures(rs.getInt("failures"), rs.getTimestamp("last_failure").toInstant()))
                .findOne());
    }

    /** Adds one failure (a second node counting the same subject at once collides and the transaction runs again). */
    private static void count(Handle h, String kind, String subject, Instant now) {
        int updated = h.createUpdate("UPDATE sign_in_failure SET failures = failures + 1, last_failure = :now"
                + " WHERE subject_kind = :kind AND subject = :subject")
                .bind("kind", kind).bind("subject", subject(subject)).bind("now", now).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO sign_in_failure (subject_kind, subject, failures, last_failure)"
                    + " VALUES (:kind, :subject, 1, :now)")
                    .bind("kind", kind).bind("subject", subject(subject)).bind("now", now).execute();
        }
    }

    private static String subject(String s) {
        return s.length() <= SUBJECT_LENGTH ? s : s.substring(0, SUBJECT_LENGTH);
    }

    private static Duration wait(Optional<Failures> found, int free, Instant now) {
        if (found.isEmpty()) {
            return Duration.ZERO;
        }
        Failures f = found.get();
        if (f.count() < free || now.isAfter(f.last().plus(FORGET_AFTER))) {
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

    /** How many failures, and the last one's time. */
    private record Failures(int count, Instant last) {
    }
}
