package org.onedoor.notify.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The driver's properties in {@code etc/org.onedoor.notify.sender~<id>.cfg} ({@code driver = http}). */
@ObjectClassDefinition(id = "org.onedoor.notify.http", name = "OneDoor HTTP SMS gateway sender",
        description = "Properties of a message sender driven by driver = http")
public @interface HttpGatewaySettings {

    @AttributeDefinition(description = "URL the messages are POSTed to (http or https), e.g. https://sms.example.cn/api/send")
    String url();

    @AttributeDefinition(description = "Content-Type of the body; json in it escapes the placeholders' values for JSON,"
            + " x-www-form-urlencoded URL-encodes them, any other type takes them as they are")
    String contentType() default "application/json; charset=utf-8";

    @AttributeDefinition(description = "The body, with the placeholders {phone} {text} {eventKey} {template} {language} {timestamp}")
    String bodyTemplate() default "{\"to\":\"{phone}\",\"text\":\"{text}\",\"key\":\"{eventKey}\"}";

    @AttributeDefinition(description = "Secret of the HMAC-SHA256 signature; empty: requests are not signed")
    String secret() default "";

    @AttributeDefinition(description = "Header carrying the signature: sha256= and the hex HMAC-SHA256 of"
            + " timestamp, a line feed and the body")
    String signatureHeader() default "X-Signature";

    @AttributeDefinition(description = "Header carrying the timestamp (Unix seconds) that is signed with the body")
    String timestampHeader() default "X-Timestamp";

    @AttributeDefinition(description = "Field of the gateway's JSON answer that holds its message id; without it the"
            + " message's event key stands for the id")
    String messageIdField() default "messageId";

    @AttributeDefinition(description = "Connect and answer timeout, 100-60000 ms")
    long timeoutMillis() default 5000;
}
