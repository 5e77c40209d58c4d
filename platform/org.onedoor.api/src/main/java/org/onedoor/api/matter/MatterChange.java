package org.onedoor.api.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A filed adjustment of a matter and its course with the hall.
 *
 * @param id            its number
 * @param kind          add, change or cancel
 * @param code          the matter's code
 * @param matter        the matter as it is after the adjustment (for CANCEL: as it was)
 * @param effectiveDate the day it takes effect once confirmed
 * @param reasonZh      why it was filed
 * @param filedAt       when it was filed
 * @param filedBy       who filed it
 * @param confirmBy     the last working day for the hall's confirmation (10 working days after filing)
 * @param status        filed, confirmed or rejected
 * @param decidedAt     when the hall decided, if it has
 * @param decidedBy     who decided, empty if nobody has
 * @param decisionNote  the reason of a rejection, empty otherwise
 */
public record MatterChange(long id, MatterChangeKind kind, String code, Matter matter, LocalDate effectiveDate,
        String reasonZh, Instant filedAt, String filedBy, LocalDate confirmBy, MatterChangeStatus status,
        Optional<Instant> decidedAt, String decidedBy, String decisionNote) {

    /** @return true when it awaits confirmation after its deadline */
    public boolean overdueOn(LocalDate today) {
        return status == MatterChangeStatus.FILED && today.isAfter(confirmBy);
    }

    /** @return true when it is confirmed and its effective date has come */
    public boolean inForceOn(LocalDate today) {
        return status == MatterChangeStatus.CONFIRMED && !today.isBefore(effectiveDate);
    }
}
