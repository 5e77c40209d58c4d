/**
 * The hall's staff (R15, R16): people apart from accounts. A staff member (real name, hall staff
 * number, unit, post) is linked to a hall user; dispatch and withdrawal forms filed by the unit take
 * effect only with the hall's approval; window staff sign in to a window only after recorded pre-job
 * training; approval and supervision duties are kept apart (R17, 1.1.0); a roster of windows by day, zones
 * limiting the windows a clerk takes, and name plates for the public views (1.1.0).
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.2.0")
package org.onedoor.api.staff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
