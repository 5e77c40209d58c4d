package org.onedoor.core.internal.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.hall.UnitRef;
import org.onedoor.api.hall.ZoneDescriptor;

class ZoneDescriptorCodecTest {

    static ZoneDescriptor police() {
        return new ZoneDescriptor("police", "G", "公安业务综合受理区", "Public security", 2, false,
                List.of(new HallWindow(97, "police", "97号窗口"), new HallWindow(98, "police", "98号窗口")),
                List.of(new UnitRef("A17", "市公安局", "Public Security Bureau")));
    }

    @Test
    void writesAndReadsBackTheSameDescriptor() {
        ZoneDescriptor d = police();
        assertEquals(d, ZoneDescriptorCodec.read(ZoneDescriptorCodec.write(d), "test"));
    }

    @Test
    void invalidValuesAreReportedWithTheirReason() {
        String json = ZoneDescriptorCodec.write(police()).replace("\"letter\":\"G\"", "\"letter\":\"g7\"");
        ZoneDescriptorCodec.InvalidDescriptorException e = assertThrows(ZoneDescriptorCodec.InvalidDescriptorException.class,
                () -> ZoneDescriptorCodec.read(json, "bundle!/onedoor/zone.json"));
        assertTrue(e.getMessage().startsWith("bundle!/onedoor/zone.json: zone letter must be one upper-case letter"), e.getMessage());
    }

    @Test
    void missingFieldsAndBrokenJsonAreRefused() {
        assertThrows(ZoneDescriptorCodec.InvalidDescriptorException.class,
                () -> ZoneDescriptorCodec.read("{\"id\":\"police\"}", "x"));
        assertThrows(ZoneDescriptorCodec.InvalidDescriptorException.class,
                () -> ZoneDescriptorCodec.read("{not json", "x"));
    }

    @Test
    void aDescriptorNamingNoHallIsTheDefaultHallsAndOneNamingAHallKeepsIt() {
        String json = "{\"id\":\"general\",\"letter\":\"G\",\"nameZh\":\"综合受理区\",\"nameEn\":\"General\",\"floor\":1,"
                + "\"universal\":false,\"windows\":[{\"number\":1,\"zoneId\":\"general\",\"labelZh\":\"1号窗口\"}],\"units\":[]";
        assertEquals(org.onedoor.api.hall.Hall.DEFAULT_ID, ZoneDescriptorCodec.read(json + "}", "x").hallId());
        org.onedoor.api.hall.ZoneDescriptor inXiping = ZoneDescriptorCodec.read(json + ",\"hallId\":\"xiping\"}", "x");
        assertEquals("xiping", inXiping.hallId());
        assertEquals(inXiping, ZoneDescriptorCodec.read(ZoneDescriptorCodec.write(inXiping), "x"));
        assertEquals(java.util.List.of(inXiping), ZoneDescriptors.readList("[" + json + ",\"hallId\":\"xiping\"}]", "x"));
        assertThrows(IllegalArgumentException.class, () -> ZoneDescriptors.readList(json + "}", "x"), "not an array");
        assertThrows(ZoneDescriptorCodec.InvalidDescriptorException.class,
                () -> ZoneDescriptorCodec.read(json + ",\"hallId\":\"Bad Hall\"}", "x"));
    }
}
