/**
 * A simulated pickup-locker controller board behind a TCP serial bridge: it checks five-byte
 * open and query frames, keeps each door's state, answers with the configured polarity, and can
 * jam a door, have a door closed by hand, or be switched off. Used by tests and by hand
 * ({@code java -jar}).
 *
 * <p>Nullness: every parameter and return value is non-null unless documented otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.device.locker.lockboard.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
