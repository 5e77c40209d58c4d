package org.onedoor.core.internal.evaluation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The good/bad evaluation (pid {@code org.onedoor.ratings}): how long a rating may be changed, in
 * calendar days, and the follow-up of bad ratings, in working days of the hall's calendar.
 */
@ObjectClassDefinition(name = "OneDoor ratings", description = "The good/bad evaluation and the closed loop of bad ratings (R18)")
public @interface RatingsConfig {

    @AttributeDefinition(description = "Working days the unit has to verify, call back, rectify and reply to a bad rating (1..30)")
    int followUpWorkingDays() default 5;

    @AttributeDefinition(description = "Share of those working days after which an unanswered follow-up turns yellow (0.5 to 1.0)")
    double yellowShare() default 0.6;

    @AttributeDefinition(description = "Days after the first rating within which the citizen may change it (0: never, up to 90)")
    int changeDays() default 7;
}
