package org.onedoor.device.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.onedoor.api.device.DeviceConfig;
import org.onedoor.api.device.DeviceKind;
import org.onedoor.api.device.SerialPortSettings;

/** Reads a device's configuration properties into a {@link DeviceConfig}, with errors that name the value. */
public final class DeviceSettingsReader {

    private static final Set<String> KNOWN = Set.of("kind", "driver", "host", "port", "zone", "windows", "hall", "kiosk");

    private DeviceSettingsReader() {
    }

    public static DeviceConfig read(String id, Map<String, ?> p) {
        String kindText = text(id, p, "kind", true);
        DeviceKind kind = DeviceKind.fromConfigName(kindText);
        boolean screen = kind == DeviceKind.SCREEN;
        boolean serial = SerialPortSettings.isSerial(text(id, p, "host", false));
        String portText = text(id, p, "port", !screen && !serial);
        int port;
        try {
            port = (screen || serial) && portText.isEmpty() ? 0 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("device " + id + ": port '" + portText + "' is not a number");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        p.forEach((k, v) -> {
            if (!KNOWN.contains(k) && !k.startsWith("service.") && !k.startsWith("felix.") && !k.startsWith("component.")
                    && !k.startsWith("org.apache.karaf.")
                    && v != null) {
                extra.put(k, v.toString());
            }
        });
        return new DeviceConfig(id, kind, text(id, p, "driver", true).toLowerCase(Locale.ROOT), text(id, p, "host", !screen),
                port, text(id, p, "zone", false), windows(id, text(id, p, "windows", false)), extra, text(id, p, "hall", false),
                text(id, p, "kiosk", false));
    }

    public static List<Integer> windows(String id, String text) {
        Set<Integer> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            try {
                int dash = s.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? s : s.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(s.substring(dash + 1).strip());
                if (from < 1 || to < from || to - from > 1000) {
                    throw new NumberFormatException();
                }
                for (int w = from; w <= to; w++) {
                    out.add(w);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("device " + id + ": windows '" + text
                        + "' must be window numbers or ranges like 101-108,112");
            }
        }
        return new ArrayList<>(out);
    }

    private static String text(String id, Map<String, ?> p, String key, boolean required) {
        Object v = p.get(key);
        String s = v == null ? "" : v.toString().strip();
        if (required && s.isEmpty()) {
            throw new IllegalArgumentException("device " + id + ": '" + key + "' is missing");
        }
        return s;
    }
}
