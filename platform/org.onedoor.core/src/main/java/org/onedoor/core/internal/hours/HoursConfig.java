package org.onedoor.core.internal.hours;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Office hours of the hall (pid {@code org.onedoor.hours}, rule R21). Times are the hall's local
 * time ({@code org.onedoor.hall timeZone}); a zone's own hours are set as {@code zone.<id>.hours}.
 */
@ObjectClassDefinition(name = "OneDoor office hours", description = "When the hall takes tickets (R21)")
public @interface HoursConfig {

    @AttributeDefinition(description = "false: tickets are issued at any time (a test or demo node)")
    boolean enforced() default true;

    @AttributeDefinition(description = "Open periods of a working day, HH:mm-HH:mm, comma-separated")
    String hours() default "08:00-12:00,14:30-17:30";

    @AttributeDefinition(description = "Open periods in the summer season; empty: the same all year")
    String summerHours() default "08:00-12:00,15:00-18:00";

    @AttributeDefinition(description = "First day of the summer season, MM-dd")
    String summerFrom() default "05-01";

    @AttributeDefinition(description = "Last day of the summer season, MM-dd")
    String summerTo() default "09-30";

    @AttributeDefinition(description = "Ticket issuing stops this many minutes before each period closes (0..120)")
    int lastTicketMinutes() default 0;

    @AttributeDefinition(description = "true: only the calendar's working days are open; false: every day")
    boolean workingDaysOnly() default true;
}
