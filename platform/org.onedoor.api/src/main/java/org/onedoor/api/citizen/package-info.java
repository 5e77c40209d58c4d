/**
 * Citizens' personal data as the hall handles it: identity documents of natural persons and the
 * unified social credit codes of legal persons, validated and masked.
 *
 * <p>Nullness: every parameter and return value is non-null.
 */
@Export
@Version("1.3.0")
package org.onedoor.api.citizen;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
