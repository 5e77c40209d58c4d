/**
 * The hall cluster as one node sees it: its own identity and the members it is connected to.
 *
 * <p>Nullness: every parameter, return value and record component is non-null.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
