package org.onedoor.api.device;

/** Where a command is in the outbox. */
public enum OutboxState {
    /** Written, waiting for delivery. */
    PENDING,
    /** The device acknowledged it. */
    DELIVERED,
    /** The device can never carry it out (the handler rejected it). */
    REJECTED
}
