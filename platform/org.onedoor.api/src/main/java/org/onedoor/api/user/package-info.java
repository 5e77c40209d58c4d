/**
 * Hall users and their roles: who may sign in to the console and the HTTP API, and what each
 * may do.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.user;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
