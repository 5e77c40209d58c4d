package org.onedoor.api.device;

import java.util.Locale;

/** The families of hall devices, as named in device configurations. */
public enum DeviceKind {
    /** A ticket or receipt printer. */
    PRINTER,
    /** An LED caller display above a window. */
    LED_DISPLAY,
    /** A pickup-locker cabinet controlled by a locker board. */
    LOCKER,
    /** A web big-screen: the caller screen page of a zone or the hall, online while the page is connected (since 1.1). */
    SCREEN;

    /** @return the name used in configuration files ({@code printer}, {@code led-display}, {@code locker}, {@code screen}) */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param text a configuration name, e.g. {@code printer}
     * @return the kind
     * @throws IllegalArgumentException when no kind has that name
     */
    public static DeviceKind fromConfigName(String text) {
        for (DeviceKind k : values()) {
            if (k.configName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown device kind '" + text + "' (printer, led-display, locker, screen)");
    }
}
