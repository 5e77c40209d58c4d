package org.onedoor.api.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A kept report as the list shows it.
 *
 * @param id        its id
 * @param kind      week, month or quarter
 * @param periodKey {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4}
 * @param start     the period's first day
 * @param end       the period's last day
 * @param builtAt   when it was built
 * @param builtBy   a user, or {@code schedule}
 * @param scheduled whether the schedule built it (one per period) rather than a user on demand
 * @param pdfBytes  the size of its PDF file
 * @param xlsxBytes the size of its XLSX file
 */
public record ReportSummary(long id, ReportKind kind, String periodKey, LocalDate start, LocalDate end, Instant builtAt, String builtBy,
        boolean scheduled, int pdfBytes, int xlsxBytes) {
}
