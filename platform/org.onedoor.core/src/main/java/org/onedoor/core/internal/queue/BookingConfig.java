package org.onedoor.core.internal.queue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The rules of bookings (issue 18), PID {@code org.onedoor.bookings} ({@code etc/org.onedoor.bookings.cfg}).
 * The defaults are chosen, not prescribed: see docs/bookings.md.
 */
@ObjectClassDefinition(name = "OneDoor bookings", description = "Limits, check-in window and no-show suspension of bookings")
public @interface BookingConfig {

    @AttributeDefinition(description = "Open bookings one phone number may hold at once")
    int maxOpen() default 3;

    @AttributeDefinition(description = "Minutes before its slot a booking may check in")
    int checkInBeforeMinutes() default 30;

    @AttributeDefinition(description = "Minutes after its slot's start a booking still checks in on time; later that day it gets a normal ticket")
    int checkInAfterMinutes() default 15;

    @AttributeDefinition(description = "No-shows within noShowDays that suspend booking (0: never)")
    int noShowLimit() default 3;

    @AttributeDefinition(description = "Days over which no-shows are counted")
    int noShowDays() default 90;

    @AttributeDefinition(description = "Days booking stays suspended after the no-show that reached the limit")
    int suspendDays() default 30;

    @AttributeDefinition(description = "Send reminders (the day before and the hour before) through the notification outbox")
    boolean reminders() default true;
}
