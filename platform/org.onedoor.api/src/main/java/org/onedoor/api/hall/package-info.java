/**
 * The hall's vocabulary: acceptance areas (zones), windows, departments and matters, as
 * immutable records, and the hall's clock; the halls themselves ({@link org.onedoor.api.hall.Hall}, 1.3).
 *
 * <p>Nullness: every parameter, return value and record component in this package is
 * non-null unless its documentation says otherwise; absent values are empty strings, empty
 * lists or {@link java.util.Optional}.
 */
@Export
@Version("1.4.0")
package org.onedoor.api.hall;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
