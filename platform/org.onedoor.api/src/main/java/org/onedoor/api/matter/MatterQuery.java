package org.onedoor.api.matter;

/**
 * A filter on the catalog; empty strings match everything.
 *
 * @param departmentId only this unit's matters
 * @param zoneId       only matters received in this zone
 * @param text         only matters whose code or Chinese or English name contains this text
 */
public record MatterQuery(String departmentId, String zoneId, String text) {

    /** The query that matches every matter. */
    public static final MatterQuery ALL = new MatterQuery("", "", "");

    public MatterQuery {
        departmentId = departmentId == null ? "" : departmentId.trim();
        zoneId = zoneId == null ? "" : zoneId.trim();
        text = text == null ? "" : text.trim();
    }
}
