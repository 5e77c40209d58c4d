package org.onedoor.api.report;

import java.time.Instant;
import java.util.List;

/**
 * A built report: its period, when and by whom it was built, the data it was built from, and its
 * figures.
 *
 * @param id        the hall's number for it, 0 before it is kept
 * @param period    the period it covers
 * @param builtAt   when it was built
 * @param builtBy   who built it: a user, or {@code schedule}
 * @param basis     the data it was built from
 * @param units     one row per unit with cases, complaints or ratings in the period, in ranking order
 * @param windows   one row per window with any of them, in ranking order
 * @param total     the hall's total (rank 0)
 * @param warnings  early warnings (R12, R5), by kind then unit
 */
public record HallReport(long id, ReportPeriod period, Instant builtAt, String builtBy, ReportBasis basis, List<UnitFigures> units,
        List<UnitFigures> windows, UnitFigures total, List<EarlyWarning> warnings) {

    public HallReport {
        units = List.copyOf(units);
        windows = List.copyOf(windows);
        warnings = List.copyOf(warnings);
    }

    /** @return the same report under the id the hall keeps it by */
    public HallReport kept(long keptId) {
        return new HallReport(keptId, period, builtAt, builtBy, basis, units, windows, total, warnings);
    }
}
