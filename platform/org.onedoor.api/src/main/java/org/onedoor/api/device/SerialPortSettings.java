package org.onedoor.api.device;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A serial port and its line settings, written in a device configuration as
 * {@code serial:<path>?baud=9600&dataBits=8&parity=none&stopBits=1} (every parameter optional,
 * these are the defaults).
 *
 * @param path     the port's device file, e.g. {@code /dev/ttyUSB0} (or {@code COM3})
 * @param baud     bits per second, 50 to 4000000
 * @param dataBits 5 to 8
 * @param parity   {@code none}, {@code even}, {@code odd}, {@code mark} or {@code space}
 * @param stopBits 1 or 2
 * @since 1.1
 */
public record SerialPortSettings(String path, int baud, int dataBits, String parity, int stopBits) {

    /** The prefix of a serial address. */
    public static final String SCHEME = "serial:";

    private static final Set<String> PARITIES = Set.of("none", "even", "odd", "mark", "space");

    /** Checks the values; a bad one throws {@link IllegalArgumentException} naming it. */
    public SerialPortSettings {
        if (path == null || path.isBlank() || path.length() > 256 || path.chars().anyMatch(c -> c < ' ')) {
            throw new IllegalArgumentException("serial port path must be 1-256 printable characters, e.g. /dev/ttyUSB0");
        }
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud must be 50-4000000, was " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5-8, was " + dataBits);
        }
        parity = parity == null ? "none" : parity.strip().toLowerCase(Locale.ROOT);
        if (!PARITIES.contains(parity)) {
            throw new IllegalArgumentException("parity must be none, even, odd, mark or space, was '" + parity + "'");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stopBits must be 1 or 2, was " + stopBits);
        }
    }

    /** @return whether the address names a serial port (starts with {@value #SCHEME}) */
    public static boolean isSerial(String address) {
        return address != null && address.strip().startsWith(SCHEME);
    }

    /**
     * @param address e.g. {@code serial:/dev/ttyUSB0?baud=9600}
     * @return the settings
     * @throws IllegalArgumentException when the address is not a serial address or a value is wrong
     */
    public static SerialPortSettings parse(String address) {
        if (!isSerial(address)) {
            throw new IllegalArgumentException("a serial address starts with serial:, e.g. serial:/dev/ttyUSB0?baud=9600");
        }
        String rest = address.strip().substring(SCHEME.length());
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> p = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (!Set.of("baud", "dataBits", "parity", "stopBits").contains(key)) {
                    throw new IllegalArgumentException("unknown serial setting '" + key + "' (baud, dataBits, parity, stopBits)");
                }
                p.put(key, eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return new SerialPortSettings(path, number(p, "baud", 9600), number(p, "dataBits", 8), p.getOrDefault("parity", "none"),
                number(p, "stopBits", 1));
    }

    private static int number(Map<String, String> p, String key, int fallback) {
        String v = p.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not a number");
        }
    }

    /** @return the address as written in a configuration */
    public String address() {
        return SCHEME + path + "?baud=" + baud + "&dataBits=" + dataBits + "&parity=" + parity + "&stopBits=" + stopBits;
    }
}
