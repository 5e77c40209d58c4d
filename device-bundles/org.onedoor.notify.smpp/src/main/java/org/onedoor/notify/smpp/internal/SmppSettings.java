package org.onedoor.notify.smpp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The driver's properties in {@code etc/org.onedoor.notify.sender~<id>.cfg} ({@code driver = smpp}). */
@ObjectClassDefinition(id = "org.onedoor.notify.smpp", name = "OneDoor SMPP sender",
        description = "Properties of a message sender driven by driver = smpp")
public @interface SmppSettings {

    @AttributeDefinition(description = "Host of the SMS centre")
    String host();

    @AttributeDefinition(description = "SMPP port of the SMS centre, 1-65535")
    int port() default 2775;

    @AttributeDefinition(description = "System id the hall binds with")
    String systemId();

    @AttributeDefinition(description = "Password of the system id (at most 8 characters in SMPP 3.4)")
    String password() default "";

    @AttributeDefinition(description = "system_type of the bind, often empty")
    String systemType() default "";

    @AttributeDefinition(description = "TRX (transceiver: delivery receipts come back) or TX (transmitter only)")
    String bindType() default "TRX";

    @AttributeDefinition(description = "Source address the messages come from: the hall's service number, e.g. 106900001234")
    String sourceAddress();

    @AttributeDefinition(description = "Ask the centre for delivery receipts (needs bindType TRX)")
    boolean deliveryReceipts() default true;

    @AttributeDefinition(description = "Connect and bind timeout, 100-60000 ms")
    long connectTimeoutMillis() default 5000;

    @AttributeDefinition(description = "How long to wait for the centre's answer to a submit, 100-60000 ms")
    long responseTimeoutMillis() default 5000;

    @AttributeDefinition(description = "Seconds between enquire_link keep-alives, 5-600")
    int enquireLinkSeconds() default 30;
}
