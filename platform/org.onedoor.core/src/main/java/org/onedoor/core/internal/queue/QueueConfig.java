package org.onedoor.core.internal.queue;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rules of the hall's queue, PID {@code org.onedoor.queue} ({@code etc/org.onedoor.queue.cfg}). */
@ObjectClassDefinition(name = "OneDoor queue", description = "Order and calling rules of the hall's queue")
public @interface QueueConfig {

    @AttributeDefinition(description = "Groups served through the green channel (comma-separated)")
    String greenChannel() default "ELDERLY,DISABLED,MILITARY,PREGNANT";

    @AttributeDefinition(description = "How often a called ticket whose citizen does not come is put back in the queue before it is dropped")
    int requeueNoShows() default 1;

    @AttributeDefinition(description = "How many recent services of a zone the wait estimate averages")
    int recentServices() default 20;

    @AttributeDefinition(description = "Service minutes assumed while a zone has no completed service today")
    int defaultServiceMinutes() default 5;
}
