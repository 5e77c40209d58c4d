/**
 * The notification SPI: how sender bundles (an SMPP client, an HTTP SMS gateway) deliver the
 * hall's short messages to citizens, and what the node records about each delivery.
 *
 * <p>Roles, as for device drivers: a sender bundle implements
 * {@link org.onedoor.api.notify.NotificationSenderFactory} and
 * {@link org.onedoor.api.notify.NotificationSender} (consumer types: a sender keeps working
 * across minor updates of this package). The node implements
 * {@link org.onedoor.api.notify.SenderContext} (provider type). Messages go through the node's
 * durable notification outbox: written once per event key, sent by one node of the hall, retried
 * with backoff, and recorded with the status the sender returned.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
