/**
 * The zone SPI: how an acceptance area plugs into a hall node, and the services the node
 * offers about its zones.
 *
 * <p>A zone bundle either carries a descriptor file named by its {@code OneDoor-Zone} manifest
 * header (the node then registers a {@link org.onedoor.api.zone.Zone} on the bundle's behalf),
 * or registers a {@link org.onedoor.api.zone.Zone} service itself. Either way the zone exists
 * on the node exactly while its bundle is active.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.zone;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
