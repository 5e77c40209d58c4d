package org.onedoor.api.staff;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A pre-job training recorded by the hall (R16).
 *
 * @param id         the record's id
 * @param staffId    the staff member trained
 * @param course     the course, e.g. {@code 窗口服务规范与综合受理}
 * @param trainedOn  the day of the training (or its examination)
 * @param result     passed or failed
 * @param recordedBy the hall's user who recorded it
 * @param recordedAt when
 */
public record Training(long id, long staffId, String course, LocalDate trainedOn, TrainingResult result, String recordedBy,
        Instant recordedAt) {
}
