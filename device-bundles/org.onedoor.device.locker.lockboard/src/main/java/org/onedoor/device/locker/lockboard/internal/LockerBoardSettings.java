package org.onedoor.device.locker.lockboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The driver's own properties in {@code etc/org.onedoor.device~<id>.cfg} ({@code driver = lockboard}). */
@ObjectClassDefinition(id = "org.onedoor.device.lockboard", name = "OneDoor pickup locker (lock board)",
        description = "Properties of a pickup locker cabinet driven by driver = lockboard")
public @interface LockerBoardSettings {

    /** No default: a cabinet's door count must be stated. */
    int NO_DOORS = 0;

    @AttributeDefinition(description = "How many doors the cabinet has, 1-100 (required)")
    int doors() default NO_DOORS;

    @AttributeDefinition(description = "Lock board address, 1-255")
    int address() default 1;

    @AttributeDefinition(description = "Door opened by the self-test, 1-doors; 0 for the last door")
    int testDoor() default 0;

    @AttributeDefinition(description = "Seconds a door may stay open before it is reported, 1-86400")
    int leftOpenSeconds() default 120;

    @AttributeDefinition(description = "How long to wait for the board's answer, 50-60000 ms")
    int answerTimeoutMillis() default 1000;

    @AttributeDefinition(description = "Lock sensor polarity: open-high or open-low")
    String polarity() default "open-high";
}
