/**
 * Figures for supervision: what a hall's queue did on a day, per zone, computed by the store
 * from the queue's own records; per hall since 1.1.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless documented
 * otherwise.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
