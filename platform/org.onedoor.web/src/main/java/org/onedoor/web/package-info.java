/**
 * The node's HTTP whiteboard: bundles add routes to the one Vert.x server by registering
 * {@link org.onedoor.web.RouteContributor} services, fail requests with
 * {@link org.onedoor.web.ProblemException} to answer RFC 9457 problem documents, and guard
 * routes with {@link org.onedoor.web.WebAccess}.
 *
 * <p>Nullness: every parameter and return value is non-null unless documented otherwise.
 */
@Export
@Version("1.3.0")
package org.onedoor.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
