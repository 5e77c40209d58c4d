package org.onedoor.core.internal.report;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the hall's reports and R5's thresholds (pid {@code org.onedoor.reports}, read by the cases' supervision too). */
@ObjectClassDefinition(name = "OneDoor reports", description = "Weekly publication, monthly report and quarterly appraisal (R19)")
public @interface ReportsConfig {

    @AttributeDefinition(description = "Cases in a calendar month from which a matters-only unit must switch to staff entering (R5)")
    int conversionThreshold() default 10;

    @AttributeDefinition(description = "Slow-handling complaints in a calendar month from which a matters-only unit counts as repeatedly complained about (R5)")
    int slowComplaintThreshold() default 2;

    @AttributeDefinition(description = "Minutes between checks whether a closed period's scheduled report is due (0: no schedule)")
    int scheduleMinutes() default 30;
}
