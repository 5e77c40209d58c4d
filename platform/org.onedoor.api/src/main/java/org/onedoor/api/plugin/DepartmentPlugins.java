package org.onedoor.api.plugin;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The installed department plug-ins and their signature verdicts; offered by the core. Thread-safe. */
@ProviderType
public interface DepartmentPlugins {

    /** @return every installed bundle with a {@code OneDoor-Department} header, by bundle id */
    List<PluginStatus> plugins();
}
