package org.onedoor.core.internal.plugin;

import org.osgi.framework.Bundle;

/** Whether a bundle may contribute to the hall: a department plug-in only when its signature is trusted. Used inside the core only. */
public interface PluginTrust {

    /** @return true for a bundle that is no department plug-in, or a department plug-in signed with its department's registered key */
    boolean trusted(Bundle bundle);
}
