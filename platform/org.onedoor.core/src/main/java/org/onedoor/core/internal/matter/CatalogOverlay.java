package org.onedoor.core.internal.matter;

import java.util.Collection;
import java.util.Set;
import org.onedoor.api.matter.Matter;

/** Receives the adjustments in force, which the catalog lays over what the sources offer (core-internal service). */
public interface CatalogOverlay {

    /**
     * @param replacing matters added or changed by adjustments in force (they win over the sources)
     * @param cancelled codes cancelled by adjustments in force
     */
    void overlay(Collection<Matter> replacing, Set<String> cancelled);
}
