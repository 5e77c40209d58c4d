package org.onedoor.core.internal.cases;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The window's rating prompts (pid {@code org.onedoor.ratingprompts}): how long the pad offers a prompt. */
@ObjectClassDefinition(name = "OneDoor rating prompts", description = "One service, one rating at the window (一次一评)")
public @interface RatingPromptConfig {

    @AttributeDefinition(description = "Minutes a window's rating prompt stays on its rating pad (1..120)")
    int promptMinutes() default 10;
}
