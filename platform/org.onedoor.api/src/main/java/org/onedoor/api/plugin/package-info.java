/**
 * Department plug-ins as the hall sees them: which are installed, for which departments, and
 * whether their signatures are trusted.
 *
 * <p>Nullness: every parameter, return value and record component is non-null.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
