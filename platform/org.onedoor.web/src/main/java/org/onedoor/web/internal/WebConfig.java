package org.onedoor.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the node's HTTP server, PID {@code org.onedoor.web} ({@code etc/org.onedoor.web.cfg}). */
@ObjectClassDefinition(name = "OneDoor web", description = "The hall node's HTTP server")
public @interface WebConfig {

    @AttributeDefinition(description = "HTTP port; the environment variable ONEDOOR_HTTP_PORT overrides it")
    int port() default 8080;

    @AttributeDefinition(description = "Interface to listen on; 0.0.0.0 serves kiosks and screens on the hall network")
    String host() default "0.0.0.0";

    @AttributeDefinition(description = "Largest request body accepted, in bytes")
    long maxBodyBytes() default 1048576;
}
