package org.onedoor.api.hall;

/**
 * A unit (department or public service unit) as named in a zone's layout.
 *
 * @param id     the unit's catalogue id (e.g. {@code A17}), or an empty string for a layout
 *               entry that has no catalogue entry of its own (e.g. "water, power, gas")
 * @param nameZh the unit's Chinese name
 * @param nameEn the unit's English name, empty when unknown
 */
public record UnitRef(String id, String nameZh, String nameEn) {

    public UnitRef {
        HallWindow.requireText(nameZh, "nameZh");
        id = id == null ? "" : id;
        nameEn = nameEn == null ? "" : nameEn;
    }
}
