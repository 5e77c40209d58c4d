package org.onedoor.core.internal.queue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The hall's 365 holiday service (R14, pid {@code org.onedoor.holidays}): the roster and its booking rule. */
@ObjectClassDefinition(name = "OneDoor 365 holiday service", description = "Which public holidays the hall serves, with which zones,"
        + " departments and windows; livelihood matters are booked for them at least N working days before")
public @interface HolidayConfig {

    @AttributeDefinition(description = "Working days before a served holiday it must be booked at the latest (R14: 3; 0..30)")
    int minWorkingDaysBefore() default 3;

    @AttributeDefinition(description = "The served days, separated by ';': day|zones|departments|windows, e.g."
            + " 2026-10-02|provident-fund,social-affairs|A26|177,178 (departments and windows may be empty: every department"
            + " of the zones; windows not stated)")
    String days() default "";

    @AttributeDefinition(description = "The bookable slots of a served holiday (HH:mm, comma-separated)")
    String slots() default "09:00,09:30,10:00,10:30,11:00,11:30";

    @AttributeDefinition(description = "Bookings one slot of a served holiday takes per zone (1..100)")
    int perSlot() default 4;
}
