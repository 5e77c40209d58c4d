/**
 * Signed-in sessions: who the caller is, and the tokens (API bearer tokens, page sessions,
 * kiosk device tokens) that prove it on every node of the hall.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless its
 * documentation says otherwise.
 */
@Export
@Version("1.0.0")
package org.onedoor.api.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
