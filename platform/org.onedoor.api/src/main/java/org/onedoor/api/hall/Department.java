package org.onedoor.api.hall;

/**
 * A unit of the hall that owns matters.
 *
 * @param id               catalogue id, e.g. {@code A17}
 * @param nameZh           Chinese name
 * @param nameEn           English name
 * @param kind             department or public service unit
 * @param entryMode        how the unit is present in the hall (R4)
 * @param zoneId           the acceptance area that receives the unit's matters
 * @param publishedMatters how many matters the unit publishes
 * @param enteringMatters  how many of them are handled in the hall
 * @param noteZh           a remark from the hall's plan, empty when none
 */
public record Department(String id, String nameZh, String nameEn, UnitKind kind, EntryMode entryMode, String zoneId,
        int publishedMatters, int enteringMatters, String noteZh) {

    public Department {
        HallWindow.requireText(id, "id");
        HallWindow.requireText(nameZh, "nameZh");
        HallWindow.requireText(zoneId, "zoneId");
        nameEn = nameEn == null ? "" : nameEn;
        noteZh = noteZh == null ? "" : noteZh;
        if (kind == null || entryMode == null) {
            throw new IllegalArgumentException("kind and entryMode must be given for unit " + id);
        }
        if (enteringMatters < 0 || publishedMatters < enteringMatters) {
            throw new IllegalArgumentException("unit " + id + ": entering matters must be between 0 and the published "
                    + publishedMatters + ", was " + enteringMatters);
        }
    }
}
