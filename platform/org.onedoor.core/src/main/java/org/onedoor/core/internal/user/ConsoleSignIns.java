package org.onedoor.core.internal.user;

import java.time.Duration;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.signin.SignInThrottle;

/**
 * What a password sign-in to the SSH console does besides checking the password: asks the node's
 * {@link SignInThrottle} (shared with the HTTP API) whether it may be tried, counts it, and records it
 * in the audit trail as {@code console-login} with the user name and the client address.
 */
final class ConsoleSignIns {

    static final String ACTION = "console-login";

    private final SignInThrottle throttle;
    private final AuditTrail audit;

    ConsoleSignIns(SignInThrottle throttle, AuditTrail audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    /** @return how long the address or user must wait; zero when the password may be checked */
    Duration waitBeforeAttempt(String user, String address) {
        return throttle.waitBeforeAttempt(user, address);
    }

    void throttled(String user, String address, Duration wait) {
        audit.record(new AuditEvent(ACTION, user, address, user, AuditEvent.REFUSED,
                "SSH: too many failed sign-ins, refused for " + Math.max(1, wait.toSeconds()) + " s more"));
    }

    void succeeded(String user, String address) {
        throttle.succeeded(user);
        audit.record(new AuditEvent(ACTION, user, address, user, AuditEvent.SUCCESS, "SSH"));
    }

    /** The password was right but the user holds no console role: not a guess, so not counted. */
    void withoutConsoleRole(String user, String address, String role) {
        audit.record(new AuditEvent(ACTION, user, address, user, AuditEvent.REFUSED,
                "SSH: the user has no console role (" + role + ")"));
    }

    void failed(String user, String address) {
        throttle.failed(user, address);
        audit.record(new AuditEvent(ACTION, user, address, user, AuditEvent.FAILURE, "SSH: wrong user name or password"));
    }
}
