package org.onedoor.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
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

    @AttributeDefinition(description = "Largest file upload accepted (a POST to a path under /api/v1/ ending in /files), in bytes; "
            + "the files' own rules (org.onedoor.files maxFileBytes) decide below it")
    long maxUploadBytes() default 16777216;

    @AttributeDefinition(description = "Seconds a connection may neither send nor receive anything before it is closed; "
            + "event streams stay open through their heartbeats")
    int idleTimeoutSeconds() default 60;

    @AttributeDefinition(description = "Seconds a client has to send a request's headers and body; then 408 and the connection is closed")
    int requestTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Event streams (/api/v1/queue/events, /api/v1/cases/events) the node holds open at most")
    int maxStreams() default 1000;

    @AttributeDefinition(description = "Event streams one client address may hold open at most")
    int maxStreamsPerAddress() default 16;

    @AttributeDefinition(description = "Seconds between the heartbeats of an event stream; below idleTimeoutSeconds")
    int streamHeartbeatSeconds() default 15;

    @AttributeDefinition(description = "Serve plain HTTP on port; turn off once HTTPS is on and every client uses it")
    boolean httpEnabled() default true;

    @AttributeDefinition(description = "HTTPS port; 0 = no HTTPS. Needs tlsKeyStore or tlsCertificate + tlsPrivateKey")
    int httpsPort() default 0;

    @AttributeDefinition(description = "PKCS#12 key store (.p12/.pfx) with the node's key and certificate chain, path relative to karaf.base")
    String tlsKeyStore() default "";

    @AttributeDefinition(description = "Password of the PKCS#12 key store", type = AttributeType.PASSWORD)
    String tlsKeyStorePassword() default "";

    @AttributeDefinition(description = "PEM certificate chain of the node (instead of tlsKeyStore)")
    String tlsCertificate() default "";

    @AttributeDefinition(description = "PEM private key (PKCS#8 or PKCS#1) of the node (instead of tlsKeyStore)")
    String tlsPrivateKey() default "";

    @AttributeDefinition(description = "With HTTPS on: plain HTTP answers 308 to the same path over HTTPS "
            + "(except /api/v1/health, so probes keep working)")
    boolean httpRedirect() default true;

    @AttributeDefinition(description = "max-age of Strict-Transport-Security on HTTPS answers, seconds; 0 = no HSTS")
    long hstsMaxAgeSeconds() default 31536000;
}
