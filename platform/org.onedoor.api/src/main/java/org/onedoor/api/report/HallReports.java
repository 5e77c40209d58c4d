package org.onedoor.api.report;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.CaseActor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's reports (R19): built over a period from the hall's records, kept with their files, and
 * listed; offered by the core, which also builds each closed period's reports on a schedule.
 * Blocking (database, rendering): call it off an event loop.
 */
@ProviderType
public interface HallReports {

    /**
     * @param kind week, month or quarter
     * @param key  {@code 2026-W48}, {@code 2026-11} or {@code 2026-Q4}
     * @return the period
     * @throws org.onedoor.api.cases.CaseException (INVALID, field {@code period}) when the key names no period of the kind
     *                                             or the calendar does not know its days
     */
    ReportPeriod period(ReportKind kind, String key);

    /**
     * Builds a report of the period now, keeps it with its PDF and XLSX files and audits it.
     *
     * @throws org.onedoor.api.cases.CaseException (INVALID, field {@code period}) when the period has not begun
     */
    HallReport build(ReportPeriod period, CaseActor actor);

    /** @return kept reports, newest first, at most {@code limit} (1 to 500), of the kind if given */
    List<ReportSummary> list(Optional<ReportKind> kind, int limit);

    /** @return the kept report */
    Optional<HallReport> find(long id);

    /** @return the kept file of the report */
    Optional<byte[]> file(long id, ReportFile file);
}
