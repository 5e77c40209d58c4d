package org.onedoor.core.internal.plugin;

import java.util.Set;

/**
 * Whether a department plug-in may run, and why.
 *
 * @param trusted     true when every file is signed by a key registered for each of its departments
 * @param departments the departments its manifest speaks for
 * @param signer      the signing certificate's subject, or {@code ""} when unsigned
 * @param reason      what was found, for logs, the console and the audit trail
 */
record Verdict(boolean trusted, Set<String> departments, String signer, String reason) {

    static Verdict refused(Set<String> departments, String signer, String reason) {
        return new Verdict(false, Set.copyOf(departments), signer, reason);
    }
}
