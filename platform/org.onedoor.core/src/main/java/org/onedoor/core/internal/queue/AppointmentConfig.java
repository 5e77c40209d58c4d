package org.onedoor.core.internal.queue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The appointment book's slots, PID {@code org.onedoor.appointments} ({@code etc/org.onedoor.appointments.cfg}). */
@ObjectClassDefinition(name = "OneDoor appointments", description = "Time slots and capacity of online appointments (R13)")
public @interface AppointmentConfig {

    @AttributeDefinition(description = "Start times of the day's slots, HH:mm, comma-separated")
    String slots() default "09:00,09:30,10:00,10:30,11:00,11:30,14:00,14:30,15:00,15:30,16:00,16:30";

    @AttributeDefinition(description = "Appointments one zone takes per slot")
    int perSlot() default 4;

    @AttributeDefinition(description = "How many days ahead appointments can be booked (today counts as day 0)")
    int daysAhead() default 14;

    @AttributeDefinition(description = "true: only the calendar's working days take appointments; false: every day "
            + "(a hall that also opens on weekends and holidays)")
    boolean workingDaysOnly() default true;
}
