package org.onedoor.api.hall;

/**
 * A unit of the hall that owns matters.
 *
 * @param id        catalogue id, e.g. {@code A17}
 * @param nameZh    Chinese name
 * @param nameEn    English name
 * @param entryMode how the unit is present in the hall
 * @param zoneId    the acceptance area that receives the unit's matters
 */
public record Department(String id, String nameZh, String nameEn, EntryMode entryMode, String zoneId) {

    public Department {
        HallWindow.requireText(id, "id");
        HallWindow.requireText(nameZh, "nameZh");
        HallWindow.requireText(zoneId, "zoneId");
        nameEn = nameEn == null ? "" : nameEn;
        if (entryMode == null) {
            throw new IllegalArgumentException("entryMode must be given");
        }
    }
}
