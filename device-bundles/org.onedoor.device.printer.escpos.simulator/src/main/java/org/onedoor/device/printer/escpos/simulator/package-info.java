/**
 * A simulated ESC/POS receipt printer on raw TCP: it decodes what it receives into
 * {@link org.onedoor.device.printer.escpos.simulator.PrintedReceipt}s, answers real-time status
 * queries ({@code DLE EOT}) and can be told to fail (paper out, refuse connections, drop the
 * connection, answer slowly). Used by tests and by hand ({@code java -jar}).
 *
 * <p>Nullness: every parameter and return value is non-null unless documented otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.device.printer.escpos.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
