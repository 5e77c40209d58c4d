package org.onedoor.api.report;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a report as its files; offered by the documents bundle. Pure: the bytes depend only on
 * the report. Blocking (fonts, compression): call it off an event loop.
 */
@ProviderType
public interface ReportRenderer {

    /** @return the report card as a PDF document (A4, embedded CJK font subset) */
    byte[] pdf(HallReport report);

    /** @return the report as an XLSX workbook: a sheet of units, one of windows, one of warnings, one of the data basis */
    byte[] xlsx(HallReport report);
}
