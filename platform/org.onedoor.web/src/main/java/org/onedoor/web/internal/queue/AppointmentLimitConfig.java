package org.onedoor.web.internal.queue;

/** How often one client address may book or check in appointments, read from {@code etc/org.onedoor.web.cfg}. */
public @interface AppointmentLimitConfig {

    /** @return bookings and check-ins a client address may make at once */
    int appointmentBurst() default 10;

    /** @return bookings and check-ins per minute a client address regains */
    int appointmentsPerMinute() default 10;
}
