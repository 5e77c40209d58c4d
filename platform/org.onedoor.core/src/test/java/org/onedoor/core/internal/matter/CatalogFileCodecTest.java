package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.MaterialKind;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.SpecialStep;

class CatalogFileCodecTest {

    private static final Map<String, String> ZONES = Map.of("A17", "police", "A15", "real-estate");

    static List<Matter> read(String json) {
        return CatalogFileCodec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json", ZONES::get);
    }

    static final String PASSPORT = """
            {"code": "A17-001", "nameZh": "普通护照签发", "type": "ADMINISTRATIVE_LICENSE",
             "materials": [{"name": "居民身份证", "kind": "MAIN"}, {"name": "备案证明", "kind": "tolerable"}],
             "statutoryDays": 15, "committedDays": 7, "fee": "120", "atMostOneTrip": true}""";

    @Test
    void readsMattersAndFillsTheZoneOfTheUnit() {
        List<Matter> matters = read("{\"format\": \"onedoor-catalog/1\", \"department\": \"A17\", \"matters\": [" + PASSPORT + "]}");
        Matter m = matters.get(0);
        assertEquals("police", m.zoneId());
        assertEquals(MaterialKind.TOLERABLE, m.materials().get(1).kind());
        assertEquals(120, m.fee().intValue());
        assertTrue(m.windowSignOffAllowed());
    }

    @Test
    void specialStepsForbidWindowSignOff() {
        Matter m = read("{\"format\": \"onedoor-catalog/1\", \"matters\": [{\"code\": \"A15-003\", \"departmentId\": \"A15\","
                + " \"nameZh\": \"首次登记\", \"type\": \"ADMINISTRATIVE_CONFIRMATION\", \"statutoryDays\": 30, \"committedDays\": 10,"
                + " \"specialSteps\": [\"SITE_SURVEY\", \"MAPPING\"]}]}").get(0);
        assertEquals(2, m.specialSteps().size());
        assertTrue(m.specialSteps().contains(SpecialStep.MAPPING));
        assertFalse(m.windowSignOffAllowed());
    }

    @Test
    void aBadEntryRefusesTheWholeFileNamingEntryAndField() {
        String bad = PASSPORT.replace("\"committedDays\": 7", "\"committedDays\": 30");
        CatalogFileCodec.InvalidCatalogException e = assertThrows(CatalogFileCodec.InvalidCatalogException.class,
                () -> read("{\"format\": \"onedoor-catalog/1\", \"department\": \"A17\", \"matters\": [" + PASSPORT.replace("A17-001", "A17-002") + ", " + bad + "]}"));
        assertTrue(e.getMessage().startsWith("test.json: matter #2 (A17-001): "), e.getMessage());
        assertTrue(e.getMessage().contains("committed days (30) must be between 0 and the statutory days (15)"), e.getMessage());
    }

    @Test
    void unknownUnitWrongEnumDuplicateAndBrokenJsonAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(
                "{\"format\": \"onedoor-catalog/1\", \"department\": \"Z99\", \"matters\": [" + PASSPORT.replace("A17-001", "Z99-001") + "]}"))
                .getMessage().contains("unknown unit 'Z99'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(
                "{\"format\": \"onedoor-catalog/1\", \"department\": \"A17\", \"matters\": [" + PASSPORT.replace("MAIN", "KEY") + "]}"))
                .getMessage().contains("\"materials[].kind\" is 'KEY'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(
                "{\"format\": \"onedoor-catalog/1\", \"department\": \"A17\", \"matters\": [" + PASSPORT + "," + PASSPORT + "]}"))
                .getMessage().contains("listed twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("{\"format\": \"onedoor-catalog/1\",\n \"matters\": [}"))
                .getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read("{\"matters\": []}"))
                .getMessage().contains("\"format\""));
    }
}
