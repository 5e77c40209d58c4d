package org.onedoor.device.printer.escpos.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The driver's own properties in {@code etc/org.onedoor.device~<id>.cfg} ({@code driver = escpos}). */
@ObjectClassDefinition(id = "org.onedoor.device.escpos", name = "OneDoor ESC/POS printer",
        description = "Properties of a ticket printer driven by driver = escpos")
public @interface EscPosSettings {

    @AttributeDefinition(description = "Heading of every ticket, 1-32 characters")
    String title() default EscPosDriverFactory.DEFAULT_TITLE;

    @AttributeDefinition(description = "How long to wait for the printer's status answer, 50-60000 ms")
    long answerTimeoutMillis() default 2000;
}
