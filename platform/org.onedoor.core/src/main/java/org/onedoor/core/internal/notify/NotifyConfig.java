package org.onedoor.core.internal.notify;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The node's notification outbox (pid {@code org.onedoor.notify}): templates, retries, limits. */
@ObjectClassDefinition(name = "OneDoor notifications", description = "Short messages to citizens (issue 18): outbox, retries, limits")
public @interface NotifyConfig {

    @AttributeDefinition(description = "Folder of the message templates <template>.<language>.txt; empty: ${karaf.etc}/onedoor/notify")
    String templateDir() default "";

    @AttributeDefinition(description = "Attempts before a message is given up as FAILED (1..50)")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Seconds before the first retry; doubled at each further attempt (1..3600)")
    int firstRetrySeconds() default 30;

    @AttributeDefinition(description = "Longest wait between two attempts, in seconds (1..86400)")
    int maxRetrySeconds() default 1800;

    @AttributeDefinition(description = "Messages one phone number may be sent in an hour; more are recorded FAILED rate-limited (1..100)")
    int perNumberPerHour() default 6;

    @AttributeDefinition(description = "Seconds a node holds a claimed message before another node may take it over (10..3600)")
    int leaseSeconds() default 120;

    @AttributeDefinition(description = "Seconds between two rounds of sending (1..300)")
    int pollSeconds() default 5;

    @AttributeDefinition(description = "\"Your turn is near\": a waiting ticket is told once when at most this many tickets"
            + " are ahead of it in its zone (0: never; 0..50)")
    int turnNearAhead() default 3;
}
