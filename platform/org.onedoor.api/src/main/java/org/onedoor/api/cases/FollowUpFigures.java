package org.onedoor.api.cases;

/**
 * The follow-up of bad ratings of one unit over a period (R18).
 *
 * @param departmentId the unit
 * @param badRatings   bad ratings followed up in the period (mistaken ones excluded)
 * @param excluded     ratings the hall found mistaken on the unit's dispute
 * @param repliedOnTime bad ratings called back and replied to by their due day
 * @param late         bad ratings replied to after their due day, or still open past it
 * @param open         bad ratings not replied to yet and not yet due
 */
public record FollowUpFigures(String departmentId, int badRatings, int excluded, int repliedOnTime, int late, int open) {

    /** @return the on-time callback-and-fix rate: replied on time over the bad ratings already due or replied, 1.0 when none */
    public double onTimeRate() {
        int due = repliedOnTime + late;
        return due == 0 ? 1.0 : Math.round(repliedOnTime * 1000.0 / due) / 1000.0;
    }
}
