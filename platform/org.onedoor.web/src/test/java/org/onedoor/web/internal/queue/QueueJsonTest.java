package org.onedoor.web.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.SessionKind;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.Post;
import org.onedoor.web.internal.security.CheckedCredential;

/** Public views of windows and tickets show neither a green ticket's reason nor the clerk's login name; staff see both. */
public class QueueJsonTest {

    private static JsonObject windows() {
        JsonObject ticket = new JsonObject().put("number", "A001").put("priority", "GREEN").put("greenReason", "PREGNANT");
        return new JsonObject().put("windows", new JsonArray().add(new JsonObject().put("window", 97).put("clerk", "wang.li")
                .put("current", ticket)));
    }

    private static RoutingContext context(HallPrincipal caller) {
        Map<String, Object> data = new HashMap<>();
        if (caller != null) {
            data.put(CheckedCredential.KEY, new CheckedCredential("Bearer t", Optional.of(new ActiveSession(SessionKind.API, caller,
                    java.time.Instant.parse("2027-01-01T00:00:00Z"))), null));
        }
        return (RoutingContext) Proxy.newProxyInstance(QueueJsonTest.class.getClassLoader(), new Class<?>[] {RoutingContext.class},
                (proxy, method, args) -> method.getName().equals("get") && args.length == 1 ? data.get((String) args[0]) : null);
    }

    @Test
    void anonymousCallersAndKiosksSeeNothingPersonal() {
        for (HallPrincipal caller : new HallPrincipal[] {null, new HallPrincipal("kiosk1", Set.of("kiosk"), Optional.empty())}) {
            String shown = QueueJson.forCaller(context(caller), windows()).encode();
            assertFalse(shown.contains("PREGNANT"), shown);
            assertFalse(shown.contains("greenReason"), shown);
            assertFalse(shown.contains("wang.li"), shown);
            assertEquals(97, new JsonObject(shown).getJsonArray("windows").getJsonObject(0).getInteger("window"));
        }
    }

    @Test
    void staffSeeWhoHoldsTheWindowAndWhy() {
        JsonObject shown = QueueJson.forCaller(context(new HallPrincipal("op", Set.of("operator"), Optional.empty())), windows());
        JsonObject window = shown.getJsonArray("windows").getJsonObject(0);
        assertEquals("wang.li", window.getString("clerk"));
        assertEquals("PREGNANT", window.getJsonObject("current").getString("greenReason"));
    }

    @Test
    void thePublicSeeTheNamePlateOfTheWindowNeverTheLoginName() {
        WindowSession s = new WindowSession(97, "police", "wang.li", java.time.Instant.parse("2026-12-04T01:00:00Z"), false, Optional.empty());
        JsonObject view = new JsonObject().put("windows", new JsonArray().add(QueueJson.window(s,
                Map.of("wang.li", new NamePlate("ZW00017", "王丽", Post.WINDOW_STAFF, "A17")))));
        String shown = QueueJson.forCaller(context(null), view).encode();
        assertFalse(shown.contains("wang.li"), shown);
        JsonObject plate = new JsonObject(shown).getJsonArray("windows").getJsonObject(0).getJsonObject("plate");
        assertEquals("ZW00017", plate.getString("staffNumber"));
        assertEquals("王丽", plate.getString("realName"));
        assertEquals("窗口工作人员", plate.getString("postZh"));
        assertEquals(null, QueueJson.window(s, Map.of()).getValue("plate"), "no staff record, no plate");
    }
}
