package org.onedoor.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverSettingsTest {

    public @interface Board {
        int address() default 1;

        long answerTimeoutMillis() default 1000;

        boolean beep() default false;

        String codec() default "xor";
    }

    private static DeviceConfig device(Map<String, String> properties) {
        return new DeviceConfig("led-a", DeviceKind.LED_DISPLAY, "led-stx", "127.0.0.1", 4001, "", List.of(), properties);
    }

    @Test
    void missingPropertiesTakeTheDefaultsAndValuesAreConverted() {
        Board defaults = DriverSettings.read(device(Map.of()), Board.class);
        assertEquals(1, defaults.address());
        assertEquals(1000L, defaults.answerTimeoutMillis());
        assertEquals("xor", defaults.codec());
        Board set = DriverSettings.read(device(Map.of("address", " 7 ", "answerTimeoutMillis", "250", "beep", "true")), Board.class);
        assertEquals(7, set.address());
        assertEquals(250L, set.answerTimeoutMillis());
        assertTrue(set.beep());
    }

    @Test
    void aValueThatDoesNotConvertNamesThePropertyTheValueAndTheType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverSettings.read(device(Map.of("answerTimeoutMillis", "2s")), Board.class));
        assertEquals("device led-a: answerTimeoutMillis '2s' is not a whole number (long)", e.getMessage());
    }

    @Test
    void aMisspeltPropertyIsRefusedWithTheNearestKnownName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverSettings.read(device(Map.of("answerTimeoutMilis", "500")), Board.class));
        assertEquals("device led-a: driver led-stx has no property 'answerTimeoutMilis' (did you mean 'answerTimeoutMillis'?);"
                + " its properties are [address, answerTimeoutMillis, beep, codec]", e.getMessage());
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                () -> DriverSettings.read(device(Map.of("brightness", "5")), Board.class));
        assertTrue(far.getMessage().startsWith("device led-a: driver led-stx has no property 'brightness'; its properties are"),
                far.getMessage());
    }

    @Test
    void aValueOutOfRangeNamesThePropertyAndTheRange() {
        assertEquals(60L, DriverSettings.inRange(device(Map.of()), "address", 60, 1, 254));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DriverSettings.inRange(device(Map.of()), "address", 300, 1, 254));
        assertEquals("device led-a: address must be 1-254, was 300", e.getMessage());
    }
}
