package org.onedoor.api.plugin;

import java.util.Set;

/**
 * One installed department plug-in and the verdict on its signature.
 *
 * @param bundleId     the bundle's id
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param departments  the departments its manifest names
 * @param state        the bundle's state: {@code INSTALLED}, {@code RESOLVED}, {@code ACTIVE}…
 * @param trusted      whether it is signed with a key registered for each of its departments
 * @param signer       the signing certificate's subject, or {@code ""} when unsigned
 * @param reason       what was found: the signer and departments when trusted, why not otherwise
 */
public record PluginStatus(long bundleId, String symbolicName, String version, Set<String> departments, String state,
        boolean trusted, String signer, String reason) {

    public PluginStatus {
        departments = Set.copyOf(departments);
    }
}
