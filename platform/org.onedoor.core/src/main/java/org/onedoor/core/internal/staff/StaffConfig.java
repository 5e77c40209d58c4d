package org.onedoor.core.internal.staff;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The training gate at the windows (pid {@code org.onedoor.staff}, R16). */
@ObjectClassDefinition(name = "OneDoor staff", description = "Who may sign in to a window (R15, R16)")
public @interface StaffConfig {

    @AttributeDefinition(description = "true: users linked to a staff record follow it (window staff need a passed pre-job training;"
            + " pending or withdrawn records are refused), users without a record sign in as before; strict: every user signing in to"
            + " a window needs an active staff record with a passed training; false: no gate",
            options = {@Option(value = "true"), @Option(value = "strict"), @Option(value = "false")})
    String trainingRequired() default "true";
}
