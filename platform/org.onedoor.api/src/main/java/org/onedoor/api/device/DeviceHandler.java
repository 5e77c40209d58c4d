package org.onedoor.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Drives one physical device; created by a {@link DeviceDriverFactory} for the device's
 * configuration and implemented by driver bundles.
 *
 * <p>Threading: the node calls {@link #execute} and {@link #probe} on its device scheduler,
 * never two at a time for one device, and never {@link #dispose} while one of them runs.
 * A handler starts no threads and opens no sockets (it uses {@link DeviceContext#link()}).
 */
@ConsumerType
public interface DeviceHandler {

    /**
     * Carries out a command and returns once the device has acknowledged it; blocking, bounded
     * by the driver's own timeouts. Returning normally marks the command delivered.
     *
     * @param command the command
     * @return a short reply for the outbox record (e.g. the printer's status byte), may be empty
     * @throws DeviceException when the command was not carried out (retried later unless rejected)
     */
    String execute(DeviceCommand command) throws DeviceException;

    /**
     * Checks that the device is there and working, e.g. by reading its status; blocking.
     *
     * @throws DeviceException when it is not
     */
    void probe() throws DeviceException;

    /** Releases what the handler holds; must not block. The node closes the link itself. */
    void dispose();
}
