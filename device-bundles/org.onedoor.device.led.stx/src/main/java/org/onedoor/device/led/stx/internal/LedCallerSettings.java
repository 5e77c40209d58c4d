package org.onedoor.device.led.stx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The driver's own properties in {@code etc/org.onedoor.device~<id>.cfg} ({@code driver = led-stx}). */
@ObjectClassDefinition(id = "org.onedoor.device.led-stx", name = "OneDoor LED caller display (STX)",
        description = "Properties of an LED caller board driven by driver = led-stx")
public @interface LedCallerSettings {

    @AttributeDefinition(description = "Board address on the bus, 1-254")
    int address() default 1;

    @AttributeDefinition(description = "How long to wait for the board's answer, 50-60000 ms")
    int answerTimeoutMillis() default 1000;

    @AttributeDefinition(description = "Frame check of the board's firmware: xor or sum")
    String codec() default "xor";
}
