/**
 * A simulated RS-485 bus of LED caller display boards behind a TCP serial bridge: it checks
 * every STX/ETX frame (address, command, length, GB18030 text, checksum), keeps what each board
 * shows, answers ACK or NAK like a board, and can be switched off. Used by tests and by hand
 * ({@code java -jar}).
 *
 * <p>Nullness: every parameter and return value is non-null unless documented otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.device.led.stx.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
