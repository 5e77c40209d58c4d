package org.onedoor.api.notify;

import org.onedoor.api.device.DriverSettings;
import org.osgi.annotation.versioning.ProviderType;

/** What the node gives a sender: its configuration and where to report delivery receipts. */
@ProviderType
public interface SenderContext {

    /** @return the sender's configuration */
    SenderConfig config();

    /**
     * The driver's own settings, typed, read as device drivers read theirs (see {@link DriverSettings}).
     *
     * @param type the driver's settings annotation (also its {@code @ObjectClassDefinition})
     * @param <T>  the settings type
     * @return the settings
     * @throws IllegalArgumentException naming a property that is unknown or has a bad value
     */
    default <T> T configAs(Class<T> type) {
        return DriverSettings.read("sender " + config().id(), config().driver(), config().properties(), type);
    }

    /**
     * Records a delivery receipt; may be called from the sender's own connection thread; does not block long.
     *
     * @param report the receipt
     */
    void delivered(DeliveryReport report);
}
