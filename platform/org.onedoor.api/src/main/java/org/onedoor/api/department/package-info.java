/**
 * The units (departments and public service units) of the hall, as the node knows them.
 *
 * <p>Nullness: every parameter and return value is non-null unless documented otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.department;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
