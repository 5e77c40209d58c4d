package org.onedoor.core.internal.matter;

import java.util.LinkedHashSet;
import java.util.Set;
import org.onedoor.api.matter.MatterSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Which departments a service's bundle speaks for: a plug-in's {@value MatterSource#DEPARTMENT_HEADER}
 * header; for the core's own sources (catalog files an operator loaded) the service property
 * {@value #OWN_SOURCE_PROPERTY}.
 */
final class BundleDepartments {

    /** Service property of the core's own sources: the departments a loaded file covers. */
    static final String OWN_SOURCE_PROPERTY = "onedoor.departments";

    private BundleDepartments() {
    }

    static Set<String> of(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        if (bundle != null && bundle.equals(FrameworkUtil.getBundle(BundleDepartments.class))) {
            return split(String.valueOf(reference.getProperty(OWN_SOURCE_PROPERTY)));
        }
        return split(bundle == null ? null : bundle.getHeaders().get(MatterSource.DEPARTMENT_HEADER));
    }

    static Set<String> split(String list) {
        Set<String> ids = new LinkedHashSet<>();
        if (list != null) {
            for (String id : list.split(",")) {
                if (!id.isBlank() && !id.equals("null")) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
