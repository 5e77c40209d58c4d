package org.onedoor.api.session;

import java.time.Duration;

/** The kinds of session, each with how long it lasts. */
public enum SessionKind {
    /** A bearer token of an API client; lasts a working shift. */
    API(Duration.ofHours(8)),
    /** A page session in a browser, carried by an HttpOnly cookie with a CSRF token; lasts a shift. */
    PAGE(Duration.ofHours(8)),
    /** A kiosk's device token, issued by an admin; lasts a year unless revoked. */
    DEVICE(Duration.ofDays(365));

    private final Duration lifetime;

    SessionKind(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** @return how long a session of this kind is valid after it is opened */
    public Duration lifetime() {
        return lifetime;
    }
}
