/**
 * The case (办件) from acceptance at a window to delivery of its result (rules R3–R12, R18):
 * acceptance with tolerance for missing secondary materials, special legal steps, window sign-off
 * under a department's authorization letters, back-office decisions, every other ending (refusal to
 * accept, withdrawal, termination) and the correction of a wrong result, fees against the matter's
 * rule, applicants of every kind with their agents, time limits on the
 * working-day calendar, matters-only units' officers, "one thing" bundles and the citizen's rating.
 *
 * <p>Services here are offered by the core ({@code @ProviderType}); only {@link CaseEvents}
 * listeners are written by consumers, as plain {@link java.util.function.Consumer}s.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless documented
 * otherwise; absent values are {@link java.util.Optional}, empty strings or 0.
 */
@Export
@Version("1.12.0")
package org.onedoor.api.cases;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
