package org.onedoor.web.internal.security;

/** How many wrong citizen case look-ups the node answers, read from {@code etc/org.onedoor.web.cfg}. */
public @interface LookupLimitConfig {

    /** @return wrong look-ups (unknown number or wrong check code) from one client address before each further one waits a doubling back-off */
    int lookupFailuresPerAddress() default 10;

    /** @return wrong look-ups an hour from all addresses together, beyond which look-ups wait */
    int lookupFailuresPerHour() default 300;
}
