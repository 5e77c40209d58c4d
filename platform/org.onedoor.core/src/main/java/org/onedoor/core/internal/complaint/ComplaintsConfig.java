package org.onedoor.core.internal.complaint;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Deadlines of complaints (pid {@code org.onedoor.complaints}), in working days of the hall's calendar. */
@ObjectClassDefinition(name = "OneDoor complaints", description = "Deadlines of complaints (R20), in working days")
public @interface ComplaintsConfig {

    @AttributeDefinition(description = "Working days the hall has to pass a complaint to the unit complained about (1..10)")
    int assignWorkingDays() default 1;

    @AttributeDefinition(description = "Working days the unit has to reply, from the assignment (1..30)")
    int replyWorkingDays() default 5;

    @AttributeDefinition(description = "Replies not accepted by the complainant after which the hall may close without acceptance (1..10)")
    int roundsBeforeClosing() default 2;
}
