package org.onedoor.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A message protocol's driver, registered as a whiteboard service by its sender bundle; the node
 * pairs each configured sender whose {@code driver} equals {@link #driverId()} with it. While no
 * factory for the configured driver is registered, messages stay {@link DeliveryStatus#QUEUED}.
 */
@ConsumerType
public interface NotificationSenderFactory {

    /** @return the driver id used in sender configurations, e.g. {@code smpp} */
    String driverId();

    /**
     * Creates the sender of one configuration; must not block or connect.
     *
     * @param context the sender's configuration
     * @return the sender
     * @throws IllegalArgumentException when the configuration cannot be used by this driver
     */
    NotificationSender create(SenderContext context);
}
