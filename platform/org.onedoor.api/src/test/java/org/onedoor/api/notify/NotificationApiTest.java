package org.onedoor.api.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class NotificationApiTest {

    public @interface SmppSettings {
        int port() default 2775;

        String systemId() default "";
    }

    @Test
    void aMessageNeverLogsItsWholeNumber() {
        NotificationMessage m = new NotificationMessage("ticket:A012:near", "13812345678", "turn-near", Locale.CHINA, "您好");
        assertFalse(m.toString().contains("13812345678"), m.toString());
        assertTrue(m.toString().contains("138****5678"), m.toString());
    }

    @Test
    void refusesABadNumberNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NotificationMessage("k", "12ab", "turn-near", Locale.CHINA, "x"));
        assertTrue(e.getMessage().startsWith("phone"), e.getMessage());
    }

    @Test
    void readsTypedSettingsAsDeviceDriversDo() {
        SenderContext context = context(Map.of("port", " 2776 ", "systemId", "hall"));
        SmppSettings settings = context.configAs(SmppSettings.class);
        assertEquals(2776, settings.port());
        assertEquals("hall", settings.systemId());
    }

    @Test
    void refusesATypoNamingTheSenderAndTheNearestProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> context(Map.of("systemID2", "hall")).configAs(SmppSettings.class));
        assertTrue(e.getMessage().startsWith("sender smsc-1: driver smpp has no property 'systemID2' (did you mean 'systemId'?)"),
                e.getMessage());
    }

    @Test
    void refusesABadValueNamingTheSender() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> context(Map.of("port", "many")).configAs(SmppSettings.class));
        assertTrue(e.getMessage().startsWith("sender smsc-1: port 'many' is not a whole number"), e.getMessage());
    }

    private static SenderContext context(Map<String, String> properties) {
        SenderConfig config = new SenderConfig("smsc-1", "smpp", properties);
        return new SenderContext() {
            @Override
            public SenderConfig config() {
                return config;
            }

            @Override
            public void delivered(DeliveryReport report) {
            }
        };
    }
}
