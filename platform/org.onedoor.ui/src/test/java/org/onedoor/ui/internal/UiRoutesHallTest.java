package org.onedoor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.web.ProblemException;

/** A page names its hall by ?hall=; the default hall where it names none; an unknown hall is 404 unknown-hall naming hall. */
class UiRoutesHallTest {

    private static final Hall ZHUMADIAN = new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", "");
    private static final Hall XIPING = new Hall("xiping", "西平县便民服务中心", "Xiping County Service Center", "");

    private final UiRoutes routes = new UiRoutes();

    @Test
    void theAddressesOfBeforeAndTheDefaultHallNeedNoDirectory() {
        assertDoesNotThrow(() -> routes.checkHall(null));
        assertDoesNotThrow(() -> routes.checkHall(""));
        assertDoesNotThrow(() -> routes.checkHall(Hall.DEFAULT_ID));
        assertUnknown("xiping"); // no directory yet: only the default hall
    }

    @Test
    void aServedHallIsTakenAndAnUnknownOneRefused() {
        routes.halls = new HallDirectory() {
            @Override public List<Hall> halls() { return List.of(ZHUMADIAN, XIPING); }
            @Override public Optional<Hall> hall(String id) { return halls().stream().filter(h -> h.id().equals(id)).findFirst(); }
            @Override public Hall defaultHall() { return ZHUMADIAN; }
        };
        assertDoesNotThrow(() -> routes.checkHall("xiping"));
        assertUnknown("atlantis");
        assertUnknown("<script>");
    }

    private void assertUnknown(String hall) {
        ProblemException e = assertThrows(ProblemException.class, () -> routes.checkHall(hall));
        assertEquals(404, e.status());
        assertEquals("unknown-hall", e.code());
        assertEquals("hall", e.field());
    }
}
