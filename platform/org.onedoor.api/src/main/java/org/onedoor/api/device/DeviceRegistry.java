package org.onedoor.api.device;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The devices configured on this node, their status and their outbox; offered by the node.
 *
 * <p>Thread-safe. {@link #submit} and {@link #outbox} read or write the database (blocking);
 * the listings answer from memory.
 */
@ProviderType
public interface DeviceRegistry {

    /** @return every configured device, ordered by id */
    List<DeviceView> devices();

    /**
     * @param deviceId a device id
     * @return the device, if configured
     */
    Optional<DeviceView> device(String deviceId);

    /**
     * Writes a command to the device's outbox; it is delivered after every earlier command of
     * the device, once the device and its driver are there.
     *
     * @param deviceId the device
     * @param command  the command
     * @return the outbox entry as written
     * @throws UnknownDeviceException   when the device is not configured
     * @throws IllegalArgumentException when the command is for another device family
     */
    OutboxEntry submit(String deviceId, DeviceCommand command);

    /**
     * Writes a command to the device's outbox once per key: when an entry of the device already
     * has this key (written by this node or, on a shared database, by another one), nothing is
     * written and that entry is returned. Used for commands that several nodes may derive from
     * the same hall event (a ticket's print, a call shown on a display).
     *
     * @param deviceId the device
     * @param command  the command
     * @param key      1 to 128 characters naming what the command stands for, e.g. {@code ticket-<id>}
     * @return the outbox entry as written now or earlier
     * @throws UnknownDeviceException   when the device is not configured
     * @throws IllegalArgumentException when the command is for another device family or the key is invalid
     * @since 1.1
     */
    OutboxEntry submitOnce(String deviceId, DeviceCommand command, String key);

    /**
     * @param deviceId the device
     * @param sequence an outbox entry's number, as returned by {@link #submit}
     * @return the entry as it is now (e.g. to wait for its delivery), empty when the device has no such entry
     * @throws UnknownDeviceException when the device is not configured
     * @since 1.1
     */
    Optional<OutboxEntry> entry(String deviceId, long sequence);

    /**
     * @param deviceId the device
     * @param key      a key given to {@link #submitOnce}
     * @return the device's entry of that key as it is now, empty when it has none
     * @throws UnknownDeviceException when the device is not configured
     * @since 1.5
     */
    Optional<OutboxEntry> entry(String deviceId, String key);

    /**
     * @param deviceId the device
     * @param limit    at most this many entries, 1 to 1000
     * @return the device's pending entries first (in delivery order), then the latest finished ones
     * @throws UnknownDeviceException when the device is not configured
     */
    List<OutboxEntry> outbox(String deviceId, int limit);
}
