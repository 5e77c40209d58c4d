/**
 * Self-service pickup lockers: a result is deposited into a free door of a cabinet with a
 * generated pickup code, and the citizen opens that door with the code at the locker's kiosk.
 *
 * <p>Roles: the node implements {@link org.onedoor.api.locker.PickupLockers} (provider type);
 * other modules (e.g. case handling) call it. A cabinet is a configured device of kind
 * {@code locker}; its doors are opened through the device outbox.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.locker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
