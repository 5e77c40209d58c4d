/**
 * Approval and service matters (事项): the model (rules R6, R8–R10), the catalog service, and
 * the SPI through which departments contribute their matters and the checks of applications.
 *
 * <p>A department plug-in is a bundle whose manifest names its department in
 * {@value org.onedoor.api.matter.MatterSource#DEPARTMENT_HEADER}. It may carry a catalog file
 * named by {@value org.onedoor.api.matter.MatterSource#CATALOG_HEADER} (the node registers a
 * {@link org.onedoor.api.matter.MatterSource} for it) and may register
 * {@link org.onedoor.api.matter.MatterSource} and {@link org.onedoor.api.matter.MatterValidator}
 * services in code. Matters and validators of a department other than the bundle's own are
 * refused. The catalog also lists the hall's "one thing" bundles ({@link org.onedoor.api.matter.OneThings}, R11).
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless documented
 * otherwise.
 */
@Export
@Version("1.3.0")
package org.onedoor.api.matter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
