package org.onedoor.api.session;

import java.time.Instant;

/**
 * A valid session found by its token.
 *
 * @param kind      the session's kind
 * @param principal who it belongs to
 * @param expiresAt when it ends
 */
public record ActiveSession(SessionKind kind, HallPrincipal principal, Instant expiresAt) {
}
