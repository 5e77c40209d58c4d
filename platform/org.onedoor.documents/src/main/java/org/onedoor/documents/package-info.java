/**
 * The hall's documents: printable case notices (受理通知书, 补正告知书, 不予受理通知书, 办理结果通知书) rendered as
 * PDF with an embedded CJK font and a QR code to the citizen's look-up page. Routes and pages ask
 * {@link org.onedoor.documents.CaseNotices} for a document; none builds one itself.
 *
 * <p>Nullness: every parameter, return value and record component is non-null; absent values are
 * {@link java.util.Optional} or empty strings.
 */
@Export
@Version("1.0.0")
package org.onedoor.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
