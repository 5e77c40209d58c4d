package org.onedoor.web.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.web.internal.http.Fields;

/** The hall of a case action's window ({@code hall}) and the hall handling an application ({@code handlingHall}, R13). */
class CaseHallFieldsTest {

    private static final Hall ZHUMADIAN = new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", "");
    private static final Hall XIPING = new Hall("xiping", "西平县便民服务中心", "Xiping County Service Center", "");

    private final HallDirectory halls = new HallDirectory() {
        @Override public List<Hall> halls() { return List.of(ZHUMADIAN, XIPING); }
        @Override public Optional<Hall> hall(String id) { return halls().stream().filter(h -> h.id().equals(id)).findFirst(); }
        @Override public Hall defaultHall() { return ZHUMADIAN; }
    };

    private static Fields body(String json) {
        return Fields.of(new JsonObject(json));
    }

    @Test
    void theDefaultHallWhereTheBodyNamesNone() {
        assertEquals("zhumadian", CaseRequests.hall(body("{\"window\": 97}"), halls));
        assertEquals("zhumadian", CaseRequests.hall(body("{\"window\": 97}"), null));
        assertEquals("", CaseRequests.handlingHall(body("{}"), halls));
        assertEquals("xiping", CaseRequests.hall(body("{\"window\": 1, \"hall\": \"xiping\"}"), halls));
        assertEquals("xiping", CaseRequests.handlingHall(body("{\"handlingHall\": \"xiping\"}"), halls));
    }

    @Test
    void anUnknownHallIsNotFoundNamingItsField() {
        Fields.FieldProblem p = assertThrows(Fields.FieldProblem.class, () -> CaseRequests.hall(body("{\"hall\": \"atlantis\"}"), halls));
        assertEquals(404, p.status());
        assertEquals("unknown-hall", p.code());
        assertEquals("hall", p.field());
        p = assertThrows(Fields.FieldProblem.class, () -> CaseRequests.handlingHall(body("{\"handlingHall\": \"Not a hall\"}"), halls));
        assertEquals("handlingHall", p.field());
        assertEquals("unknown-hall", p.code());
        assertThrows(Fields.FieldProblem.class, () -> CaseRequests.hall(body("{\"hall\": \"xiping\"}"), null));
    }
}
