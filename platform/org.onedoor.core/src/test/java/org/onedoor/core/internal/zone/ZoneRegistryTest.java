package org.onedoor.core.internal.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HallWindow;
import org.onedoor.api.hall.ZoneDescriptor;
import org.onedoor.api.zone.UnknownZoneException;
import org.onedoor.api.zone.Zone;
import org.onedoor.api.zone.ZoneState;
import org.onedoor.store.HallDatabase;

class ZoneRegistryTest {

    private static Zone zone(String id, String letter, int firstWindow) {
        ZoneDescriptor d = new ZoneDescriptor(id, letter, "区" + id, "Zone " + id, 1, false,
                List.of(new HallWindow(firstWindow, id, firstWindow + "号窗口")), List.of());
        return () -> d;
    }

    @Test
    void zonesAppearInHallOrderAndDisabledOnesStayKnown() {
        ZoneRegistry registry = new ZoneRegistry(TestStore.database());
        Zone tax = zone("tax", "H", 137);
        Zone realEstate = zone("real-estate", "A", 1);
        registry.addZone(tax);
        registry.addZone(realEstate);
        assertEquals(List.of("real-estate", "tax"), registry.openZones().stream().map(s -> s.id()).toList());

        registry.removeZone(tax);
        assertEquals(List.of("real-estate"), registry.openZones().stream().map(s -> s.id()).toList());
        assertEquals(ZoneState.DISABLED, registry.zone("tax").orElseThrow().state());
        assertEquals(2, registry.knownZones().size());
    }

    @Test
    void aRestartedNodeRemembersZonesItHasSeen() {
        HallDatabase db = TestStore.database();
        ZoneRegistry first = new ZoneRegistry(db);
        first.addZone(zone("police", "G", 97));

        ZoneRegistry afterRestart = new ZoneRegistry(db);
        assertEquals(ZoneState.DISABLED, afterRestart.zone("police").orElseThrow().state());
        assertTrue(afterRestart.openZones().isEmpty());
        afterRestart.addZone(zone("police", "G", 97));
        assertEquals(ZoneState.OPEN, afterRestart.zone("police").orElseThrow().state());
    }

    @Test
    void aSecondZoneWithTheSameIdIsIgnored() {
        ZoneRegistry registry = new ZoneRegistry(TestStore.database());
        Zone first = zone("tax", "H", 137);
        registry.addZone(first);
        registry.addZone(zone("tax", "H", 999));
        registry.removeZone(zone("tax", "H", 999));
        assertEquals(ZoneState.OPEN, registry.zone("tax").orElseThrow().state());
        assertEquals(137, registry.zone("tax").orElseThrow().descriptor().windows().get(0).number());
    }

    @Test
    void noticesOutliveTheZoneAndAreChecked() {
        HallDatabase db = TestStore.database();
        ZoneRegistry registry = new ZoneRegistry(db);
        JdbcZoneNotices notices = new JdbcZoneNotices(db, registry);
        Zone police = zone("police", "G", 97);
        registry.addZone(police);
        notices.post("police", "  今日16:00起暂停出入境受理  ", "operator1");

        registry.removeZone(police);
        assertEquals("今日16:00起暂停出入境受理", notices.notice("police").orElseThrow().text());
        registry.addZone(police);
        assertEquals("operator1", notices.notice("police").orElseThrow().updatedBy());

        assertThrows(UnknownZoneException.class, () -> notices.post("nowhere", "x", "op"));
        assertThrows(IllegalArgumentException.class, () -> notices.post("police", "   ", "op"));
        assertThrows(IllegalArgumentException.class, () -> notices.post("police", "长".repeat(501), "op"));
        assertEquals("今日16:00起暂停出入境受理", notices.notice("police").orElseThrow().text());
    }
}
