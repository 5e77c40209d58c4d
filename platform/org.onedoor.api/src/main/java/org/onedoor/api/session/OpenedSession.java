package org.onedoor.api.session;

import java.time.Instant;

/**
 * A session just opened: the secrets to hand to the client once (they are not kept in clear).
 *
 * @param token     the bearer token or cookie value
 * @param csrfToken the CSRF token a page must send with state-changing requests (empty for other kinds)
 * @param kind      the session's kind
 * @param principal who signed in
 * @param expiresAt when the session ends
 */
public record OpenedSession(String token, String csrfToken, SessionKind kind, HallPrincipal principal, Instant expiresAt) {
}
