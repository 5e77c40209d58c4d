package org.onedoor.web.internal;

/** The public rate limit's settings, read from the web configuration ({@code etc/org.onedoor.web.cfg}). */
public @interface RateLimitConfig {

    /** @return requests a client address may send at once without credentials (public endpoints, sign-in) */
    int publicBurst() default 100;

    /** @return requests per second a client address regains without credentials */
    int publicPerSecond() default 20;
}
