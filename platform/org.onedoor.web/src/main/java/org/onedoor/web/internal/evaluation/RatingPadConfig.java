package org.onedoor.web.internal.evaluation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The rating pads (评价器) of the hall's windows (pid {@code org.onedoor.ratingpads}): which device user stands at which window. */
@ObjectClassDefinition(name = "OneDoor rating pads", description = "Device users of the windows' rating pads (一次一评)")
public @interface RatingPadConfig {

    @AttributeDefinition(description = "Comma-separated device-user=window pairs: pad97=97 (window 97 of the default hall), "
            + "pad-xp1=xiping/1 (window 1 of hall xiping); each user holds only the role kiosk and a device token")
    String pads() default "";
}
