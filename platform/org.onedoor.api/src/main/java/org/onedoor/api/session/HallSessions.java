package org.onedoor.api.session;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens, finds and revokes sessions; they are kept in the hall's database (as digests of their
 * tokens), so every node that shares the database accepts them and they survive a restart.
 *
 * <p>Every method blocks on the database; call it off the event loop.
 */
@ProviderType
public interface HallSessions {

    /** @return a new session for the principal, valid for the kind's lifetime */
    OpenedSession open(HallPrincipal principal, SessionKind kind);

    /** @return the session of that token while it is neither expired nor revoked */
    Optional<ActiveSession> find(String token);

    /** @return true when the page session's CSRF token is the one issued with it */
    boolean csrfMatches(String token, String csrfToken);

    /** Ends the session of that token; harmless when it is unknown or ended already. */
    void revoke(String token);

    /** @return how many sessions of the user were ended (after its roles or password changed, or it was disabled) */
    int revokeUser(String user);
}
