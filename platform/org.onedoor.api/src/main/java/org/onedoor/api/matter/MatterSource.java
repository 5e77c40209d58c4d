package org.onedoor.api.matter;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The matters of one department, contributed by the department's plug-in bundle; registered as
 * a whiteboard service. The matters are in the catalog while the service is registered.
 *
 * <p>The registering bundle must name the same department in its
 * {@value #DEPARTMENT_HEADER} manifest header, and every matter must belong to it; otherwise the
 * catalog refuses the whole source (nothing of it is listed) and logs why. Implementations
 * answer from memory and do not block.
 */
@ConsumerType
public interface MatterSource {

    /** Manifest header naming the department(s) a plug-in bundle speaks for (comma-separated ids). */
    String DEPARTMENT_HEADER = "OneDoor-Department";

    /** Manifest header naming a catalog file the node loads on the bundle's behalf. */
    String CATALOG_HEADER = "OneDoor-Catalog";

    /** @return a label for logs and the shell: the bundle and file the matters come from */
    String origin();

    /** @return the matters; the same list on every call */
    List<Matter> matters();
}
