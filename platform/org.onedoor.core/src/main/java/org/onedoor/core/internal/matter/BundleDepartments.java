package org.onedoor.core.internal.matter;

import java.util.LinkedHashSet;
import java.util.Set;
import org.onedoor.api.matter.MatterSource;
import org.osgi.framework.Bundle;

/** Reads which departments a bundle speaks for from its {@value MatterSource#DEPARTMENT_HEADER} header. */
final class BundleDepartments {

    private BundleDepartments() {
    }

    static Set<String> of(Bundle bundle) {
        Set<String> ids = new LinkedHashSet<>();
        String header = bundle == null ? null : bundle.getHeaders().get(MatterSource.DEPARTMENT_HEADER);
        if (header != null) {
            for (String id : header.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
