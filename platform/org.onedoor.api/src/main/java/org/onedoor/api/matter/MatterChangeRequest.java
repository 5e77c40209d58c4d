package org.onedoor.api.matter;

import java.time.LocalDate;

/**
 * A department's request to adjust a matter (rule R7).
 *
 * @param kind          add, change or cancel
 * @param code          the matter's code
 * @param matterJson    for ADD and CHANGE: the matter as one entry of a catalog file
 *                      (format {@code onedoor-catalog/1}, see docs/catalog.md); empty for CANCEL
 * @param effectiveDate the day the adjustment takes effect once confirmed
 * @param reasonZh      why (e.g. the law or reform behind it)
 * @param actor         who files it
 */
public record MatterChangeRequest(MatterChangeKind kind, String code, String matterJson, LocalDate effectiveDate,
        String reasonZh, String actor) {
}
