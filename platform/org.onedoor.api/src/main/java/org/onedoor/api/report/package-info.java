/**
 * Supervision and publication (R10, R12, R19): the hall's weekly publication, monthly report and
 * quarterly appraisal, built over a {@link org.onedoor.api.report.ReportPeriod} on the working-day
 * calendar, with figures per unit and per window ({@link org.onedoor.api.report.UnitFigures}),
 * the case-volume points ranking, early warnings, and the data basis the report was built from;
 * kept by the hall with its PDF and XLSX files.
 *
 * <p>{@link org.onedoor.api.report.HallReports} is offered by the core;
 * {@link org.onedoor.api.report.ReportRenderer} by the documents bundle.
 *
 * <p>Nullness: every parameter, return value and record component is non-null; absent values are
 * {@link java.util.Optional}, empty strings or 0 as documented.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
