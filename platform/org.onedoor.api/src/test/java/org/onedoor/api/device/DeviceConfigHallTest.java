package org.onedoor.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A device stands in one hall: the default hall where its configuration names none. */
class DeviceConfigHallTest {

    @Test
    void theDefaultHallWhereNoneIsNamed() {
        DeviceConfig before = new DeviceConfig("led-1", DeviceKind.LED_DISPLAY, "stx", "127.0.0.1", 4001, "", List.of(1), Map.of());
        assertEquals("zhumadian", before.hall());
        assertEquals("zhumadian", new DeviceConfig("led-1", DeviceKind.LED_DISPLAY, "stx", "127.0.0.1", 4001, "", List.of(1), Map.of(), " ").hall());
        assertEquals("xiping", new DeviceConfig("led-1", DeviceKind.LED_DISPLAY, "stx", "127.0.0.1", 4001, "", List.of(1), Map.of(), "xiping").hall());
    }

    @Test
    void aHallMustBeAHallId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceConfig("led-1", DeviceKind.LED_DISPLAY, "stx", "127.0.0.1", 4001, "", List.of(1), Map.of(), "Xi Ping"));
        assertTrue(e.getMessage().contains("hall"), e.getMessage());
    }
}
