package org.onedoor.api.matter;

import java.util.List;

/**
 * A "one thing" bundle of the hall's catalog (R11, since 1.2): several matters, usually of several
 * departments, applied for as one application; the page offers it whole, so nobody assembles it by hand.
 *
 * @param code            the catalog code, {@code OT} and two digits (e.g. {@code OT01})
 * @param nameZh          the Chinese name, e.g. {@code 新生儿出生“一件事”}
 * @param nameEn          the English name
 * @param matterCodes     the matters it combines, two or more, in the order they are handled
 * @param departmentIds   the departments of those matters as the catalog offers them now, each once, in order
 * @param sharedMaterials the materials two or more of its matters ask for, asked once for all of them
 * @param available       true when every matter is offered now (a plug-in not deployed leaves it unavailable)
 * @param slotParts       how many of its matters are numbered catalog slots (placeholders, see {@link Matter#slot()})
 * @param placeholder     true when the entry itself is not from a published list of the hall: its name and
 *                        composition stand in until the hall publishes its own
 * @param note            where the entry comes from, or what stands in for what
 */
public record OneThing(String code, String nameZh, String nameEn, List<String> matterCodes, List<String> departmentIds,
        List<String> sharedMaterials, boolean available, int slotParts, boolean placeholder, String note) {

    public OneThing {
        if (code == null || !code.matches("OT[0-9]{2}")) {
            throw new IllegalArgumentException("a one-thing code looks like OT01, was '" + code + "'");
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 64) {
            throw new IllegalArgumentException("one thing " + code + " needs a Chinese name of at most 64 characters");
        }
        nameEn = nameEn == null ? "" : nameEn;
        matterCodes = List.copyOf(matterCodes);
        if (matterCodes.size() < 2 || matterCodes.size() > 20 || matterCodes.stream().distinct().count() != matterCodes.size()) {
            throw new IllegalArgumentException("one thing " + code + " combines 2 to 20 different matters");
        }
        departmentIds = List.copyOf(departmentIds);
        sharedMaterials = List.copyOf(sharedMaterials);
        note = note == null ? "" : note;
    }
}
