package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

public class ListenPortTest {

    @Test
    void environmentWinsOverConfiguration() {
        assertEquals(9090, ListenPort.resolve(8080, "9090"));
        assertEquals(8080, ListenPort.resolve(8080, null));
        assertEquals(8080, ListenPort.resolve(8080, " "));
    }

    @Test
    void badValuesNameTheirSource() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ListenPort.resolve(8080, "80a"))
                .getMessage().startsWith("ONEDOOR_HTTP_PORT='80a'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ListenPort.resolve(70000, null))
                .getMessage().contains("etc/org.onedoor.web.cfg"));
    }
}
