package org.onedoor.api.device;

import java.time.Instant;

/**
 * One command in a device's outbox.
 *
 * @param sequence    the outbox's number for it; commands of a device are delivered in ascending order
 * @param deviceId    the device
 * @param command     the command
 * @param state       where it is
 * @param attempts    how many times delivery was tried
 * @param createdAt   when it was written
 * @param finishedAt  when it was delivered or rejected, or null while pending
 * @param note        the device's reply, or the last failure, or empty
 */
public record OutboxEntry(long sequence, String deviceId, DeviceCommand command, OutboxState state, int attempts,
        Instant createdAt, Instant finishedAt, String note) {
}
