/**
 * Password guessing: one back-off for every way a hall user signs in with a password (the HTTP API
 * and the SSH console), so a user name or an address locked out on one is locked out on the other.
 *
 * <p>Nullness: every parameter and return value is non-null.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.signin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
