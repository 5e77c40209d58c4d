package org.onedoor.core.internal.plugin;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.onedoor.plugins}: how department plug-ins are trusted. */
@ObjectClassDefinition(name = "OneDoor department plug-ins", description = "Signature checks of department plug-in bundles")
public @interface PluginTrustConfig {

    @AttributeDefinition(description = "Refuse department plug-ins that are not signed with their department's registered key. "
            + "false is for development only: unsigned plug-ins then run, with a warning in the log")
    boolean requireSignedPlugins() default true;

    @AttributeDefinition(description = "Folder of the registered certificates, one <DEPT>.pem per department; empty: etc/onedoor-trust")
    String trustFolder() default "";
}
