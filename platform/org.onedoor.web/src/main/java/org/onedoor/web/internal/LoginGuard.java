package org.onedoor.web.internal;

import java.time.Duration;
import java.util.Optional;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.signin.SignInThrottle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every password check of the HTTP API goes through here: slowed by the node's {@link SignInThrottle}
 * (the same back-off as the SSH console's),
 * checked against the JAAS realm, and failures recorded in the audit trail. Blocks.
 */
@Component(service = LoginGuard.class)
public final class LoginGuard {

    private final AuditTrail audit;
    private final SignInThrottle throttle;

    @Activate
    public LoginGuard(@Reference AuditTrail audit, @Reference SignInThrottle throttle) {
        this.audit = audit;
        this.throttle = throttle;
    }

    /** What a password check found. */
    record Result(Optional<HallPrincipal> principal, Duration retryAfter) {
        boolean throttled() {
            return !retryAfter.isZero();
        }
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
        Optional<HallPrincipal> principal = JaasLogin.login(user, password);
        if (principal.isPresent()) {
            throttle.succeeded(user);
        } else {
            throttle.failed(user, origin);
            audit.record(new AuditEvent("login", user, origin, user, AuditEvent.FAILURE, how + ": wrong user name or password"));
        }
        return new Result(principal, Duration.ZERO);
    }
}
