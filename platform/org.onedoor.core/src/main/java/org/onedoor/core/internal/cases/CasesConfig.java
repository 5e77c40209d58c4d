package org.onedoor.core.internal.cases;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Rules of case handling, PID {@code org.onedoor.cases} ({@code etc/org.onedoor.cases.cfg}). */
@ObjectClassDefinition(name = "OneDoor cases", description = "Time limits, tolerance deadlines and officer rules of cases")
public @interface CasesConfig {

    @AttributeDefinition(description = "Share of the committed working days after which an undecided case turns yellow (0.5 to 1.0)")
    double yellowShare() default 0.75;

    @AttributeDefinition(description = "Working days an applicant has to supply tolerable materials missing at acceptance (R9)")
    int supplyDays() default 5;

    @AttributeDefinition(description = "Minutes within which a matters-only unit's officer must check in after being called (R4)")
    int officerArrivalMinutes() default 20;

    @AttributeDefinition(description = "Seconds between checks for officers who did not arrive in time")
    int sweepSeconds() default 60;

    @AttributeDefinition(description = "The pickup-locker cabinet a locker delivery uses when it names none; empty: the only cabinet configured")
    String lockerCabinet() default "";
}
