/**
 * The device SPI: how driver bundles drive the hall's physical devices (ticket printers, LED
 * caller displays, pickup-locker boards) and the services the node offers about its devices.
 *
 * <p>Roles: a driver bundle implements {@link org.onedoor.api.device.DeviceDriverFactory},
 * {@link org.onedoor.api.device.DeviceHandler} and, for a controller that owns children,
 * {@link org.onedoor.api.device.DeviceBridgeHandler} (consumer types: a driver keeps working
 * across minor updates of this package). The node implements
 * {@link org.onedoor.api.device.DeviceRegistry}, {@link org.onedoor.api.device.DeviceContext},
 * {@link org.onedoor.api.device.TcpTransport} and {@link org.onedoor.api.device.TcpLink}
 * (provider types). Drivers open no sockets and start no threads: the node hands them a link
 * and calls them on its device scheduler, one command at a time per device.
 *
 * <p>Commands go through the node's durable outbox: written first, delivered in order per
 * device, and marked delivered only after the handler returns normally.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.5.0")
package org.onedoor.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
