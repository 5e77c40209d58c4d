/**
 * A simulated SMS centre (SMSC) speaking SMPP 3.4 on TCP, for tests and by hand
 * ({@code java -jar}): it accepts {@code bind_transmitter} and {@code bind_transceiver}, answers
 * {@code submit_sm}, decodes each short message's bytes (UCS2, the GSM default alphabet, Latin-1)
 * and joins concatenated parts (UDH) into {@link org.onedoor.notify.smpp.simulator.ReceivedSms}s;
 * it can refuse submits with an SMPP error status and sends delivery receipts when asked for them.
 *
 * <p>Nullness: every parameter and return value is non-null unless documented otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.notify.smpp.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
