package org.onedoor.web.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.signin.SignInThrottle;
import org.onedoor.api.user.HallUsers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every password check of the HTTP API goes through here: slowed by the node's {@link SignInThrottle}
 * (the same back-off as the SSH console's), checked against the JAAS realm, and failures recorded in
 * the audit trail. A name the realm does not know costs a password hash too, so a wrong password
 * answers as slowly for an unknown user as for a known one. Blocks.
 */
@Component(service = LoginGuard.class)
public final class LoginGuard {

    /** PBKDF2 rounds of the hall's password hashes ({@code Pbkdf2EncryptionService} of the core), spent for unknown users. */
    static final int HASH_ROUNDS = 120_000;
    private static final byte[] DUMMY_SALT = "onedoor-no-user!".getBytes(StandardCharsets.UTF_8);

    /** Checks a user name and password; blocks. */
    @FunctionalInterface
    interface Realm {
        /** @return the principal, or empty when the name or password is wrong */
        Optional<HallPrincipal> login(String user, String password);
    }

    private final AuditTrail audit;
    private final HallUsers users;
    private final Realm realm;
    private final Runnable dummyHash;
    private final SignInThrottle throttle;
    private final ProvenPasswords proven = new ProvenPasswords(java.time.Clock.systemUTC());

    @Activate
    public LoginGuard(@Reference AuditTrail audit, @Reference HallUsers users, @Reference SignInThrottle throttle) {
        this(audit, users, throttle, JaasLogin::login, LoginGuard::hashForNobody);
    }

    LoginGuard(AuditTrail audit, HallUsers users, SignInThrottle throttle, Realm realm, Runnable dummyHash) {
        this.audit = audit;
        this.users = users;
        this.realm = realm;
        this.dummyHash = dummyHash;
        this.throttle = throttle;
    }

    /**
     * @return whether this user name and password signed in successfully in the last few minutes; for counting a
     *         request against its user only, never for access (see {@link ProvenPasswords})
     */
    boolean recentlyProven(String user, String password) {
        return proven.recentlyProven(user, password);
    }

    /** What a password check found. */
    record Result(Optional<HallPrincipal> principal, Duration retryAfter) {
        boolean throttled() {
            return !retryAfter.isZero();
        }
    }

    /** @return how long sign-ins of this user from this address are refused now (zero: a check may run); records nothing */
    Duration backOff(String user, String origin) {
        return throttle.waitBeforeAttempt(user, origin);
    }

    /**
     * @param how    how the password came, for the audit record (e.g. {@code HTTP Basic})
     * @return the principal; empty with a zero wait when the password is wrong; empty with the wait when throttled
     */
    Result login(String user, String password, String origin, String how) {
        Duration wait = throttle.waitBeforeAttempt(user, origin);
        if (!wait.isZero()) {
            audit.record(new AuditEvent("login", user, origin, user, AuditEvent.REFUSED,
                    how + ": too many failed sign-ins, refused for " + wait.toSeconds() + " s more"));
            return new Result(Optional.empty(), wait);
        }
        Optional<HallPrincipal> principal = realm.login(user, password);
        if (principal.isPresent()) {
            throttle.succeeded(user);
            proven.succeeded(user, password);
        } else {
            if (!known(user)) {
                dummyHash.run(); // the realm refused an unknown name without hashing: spend what a known one costs
            }
            throttle.failed(user, origin);
            proven.failed(user, password);
            audit.record(new AuditEvent("login", user, origin, user, AuditEvent.FAILURE, how + ": wrong user name or password"));
        }
        return new Result(principal, Duration.ZERO);
    }

    private boolean known(String user) {
        try {
            return users.user(user).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One PBKDF2-HMAC-SHA256 derivation of the hall's strength, its result thrown away. */
    static void hashForNobody() {
        try {
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec("no such user".toCharArray(), DUMMY_SALT, HASH_ROUNDS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
