package org.onedoor.api.device;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** What the node gives a handler about its device: the configuration and a connection. */
@ProviderType
public interface DeviceContext {

    /** @return the device's configuration */
    DeviceConfig config();

    /**
     * The device's connection; opened by the node on first use and after a failure.
     * Call only while handling a command or a probe (blocking, on the node's device thread).
     *
     * @return an open link
     * @throws IOException when the device cannot be reached
     */
    TcpLink link() throws IOException;

    /**
     * The driver's own settings of this device, typed: see {@link DriverSettings#read}.
     *
     * @param type the driver's settings annotation (also its {@code @ObjectClassDefinition})
     * @param <T>  the settings type
     * @return the settings
     * @throws IllegalArgumentException naming a property that is unknown or has a bad value
     * @since 1.2
     */
    default <T> T configAs(Class<T> type) {
        return DriverSettings.read(config(), type);
    }
}
