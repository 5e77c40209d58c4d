package org.onedoor.api.device;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * Reads a device's driver-specific properties (the lines of {@code etc/org.onedoor.device~<id>.cfg}
 * beyond kind, driver, host, port, zone and windows) into a driver's settings type: an annotation
 * whose elements name the properties and give their defaults, the same type the driver declares
 * with {@code @ObjectClassDefinition} for the metatype. Values are converted by the OSGi Converter.
 * A value that does not convert, or a property the type does not declare (a typo), is refused
 * with a message naming the property, the value and what was expected.
 */
public final class DriverSettings {

    private static final Converter CONVERTER = Converters.standardConverter();

    private DriverSettings() {
    }

    /**
     * @param config the device's configuration
     * @param type   the driver's settings annotation; element {@code answerTimeoutMillis()} reads
     *               property {@code answerTimeoutMillis}
     * @param <T>    the settings type
     * @return the settings, every element already converted
     * @throws IllegalArgumentException naming the property that is unknown or has a bad value
     */
    public static <T> T read(DeviceConfig config, Class<T> type) {
        return read("device " + config.id(), config.driver(), config.properties(), type);
    }

    /**
     * Reads the driver-specific properties of any configured plug-in (a device, a message sender)
     * into the driver's settings type, as {@link #read(DeviceConfig, Class)} does for a device.
     *
     * @param subject    what is configured, for messages, e.g. {@code device printer-1}
     * @param driver     the driver id, for messages
     * @param properties the driver-specific properties
     * @param type       the driver's settings annotation
     * @param <T>        the settings type
     * @return the settings, every element already converted
     * @throws IllegalArgumentException naming the property that is unknown or has a bad value
     * @since 1.3
     */
    public static <T> T read(String subject, String driver, Map<String, String> properties, Class<T> type) {
        if (!type.isAnnotation()) {
            throw new IllegalArgumentException(type.getName() + " is not an annotation type");
        }
        Map<String, Method> elements = new LinkedHashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() == 0) {
                elements.put(m.getName(), m);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String key : properties.keySet()) {
            if (!elements.containsKey(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String key = unknown.get(0);
            String near = nearest(key, elements.keySet());
            throw new IllegalArgumentException(subject + ": driver " + driver + " has no property '" + key + "'"
                    + (near == null ? "" : " (did you mean '" + near + "'?)") + "; its properties are " + new TreeSet<>(elements.keySet()));
        }
        Map<String, String> stripped = new LinkedHashMap<>();
        properties.forEach((k, v) -> stripped.put(k, v.strip()));
        T settings = CONVERTER.convert(stripped).to(type);
        for (Method m : elements.values()) {
            try {
                m.invoke(settings);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ConversionException) {
                    throw new IllegalArgumentException(subject + ": " + m.getName() + " '"
                            + properties.get(m.getName()) + "' is not " + expected(m.getReturnType()), e.getCause());
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return settings;
    }

    /**
     * @return the value when it lies in [min, max]
     * @throws IllegalArgumentException naming the property and the range
     */
    public static long inRange(DeviceConfig config, String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("device " + config.id() + ": " + key + " must be " + min + "-" + max
                    + ", was " + value);
        }
        return value;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return "a whole number (" + type.getName() + ")";
        }
        if (type == double.class || type == float.class) {
            return "a number (" + type.getName() + ")";
        }
        if (type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    /** @return the declared name closest to a misspelt one (edit distance at most 3), else null */
    private static String nearest(String key, Iterable<String> names) {
        String best = null;
        int bestDistance = 4;
        for (String name : names) {
            int d = distance(key.toLowerCase(), name.toLowerCase());
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
