package org.onedoor.web.internal.security;

/** The request rate limits' settings, read from the web configuration ({@code etc/org.onedoor.web.cfg}). */
public @interface RateLimitConfig {

    /** @return requests a client address may send at once as an anonymous caller (no credential, or one that does not authenticate) */
    int publicBurst() default 100;

    /** @return requests per second a client address regains as an anonymous caller */
    int publicPerSecond() default 20;

    /** @return requests a signed-in user (bearer token or page session) may send at once, from any address */
    int userBurst() default 300;

    /** @return requests per second a signed-in user regains */
    int userPerSecond() default 50;

    /** @return requests one kiosk (its device token) may send at once, whatever else its address sends */
    int kioskBurst() default 100;

    /** @return requests per second one kiosk regains */
    int kioskPerSecond() default 10;
}
