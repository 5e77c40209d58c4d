/**
 * The hall's audit trail: an append-only record of sign-ins and privileged actions with who,
 * when and from where.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.1.0")
package org.onedoor.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
