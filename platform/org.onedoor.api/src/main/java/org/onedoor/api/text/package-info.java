/**
 * Texts people read: {@link org.onedoor.api.text.Bilingual}, the one shape of a bilingual label.
 *
 * <p>Nullness: every parameter and return value is non-null.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
