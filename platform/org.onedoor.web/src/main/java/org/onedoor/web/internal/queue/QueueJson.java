package org.onedoor.web.internal.queue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowSession;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.web.internal.security.CheckedCredential;

/**
 * JSON views of tickets, windows and queue events for the API and the event stream. Public views
 * ({@link #forCaller}) leave out what is personal: a green-channel ticket's reason (health data) and
 * the login name of the clerk who holds a window. A window shows instead the name plate of the
 * person signed in (staff number, real name, post), from the staff registry.
 */
public final class QueueJson {

    /** Roles whose holders see the full views on public routes. */
    static final Set<String> STAFF = Set.of("admin", "operator", "technician", "department", "clerk", "approver", "supervisor");

    private QueueJson() {
    }

    static JsonObject ticket(Ticket t) {
        return new JsonObject()
                .put("id", t.id())
                .put("number", t.number())
                .put("zoneId", t.zoneId())
                .put("issuedZoneId", t.issuedZoneId())
                .put("day", t.day().toString())
                .put("priority", t.priority().name())
                .put("greenReason", t.greenReason())
                .put("appointmentId", t.appointmentId())
                .put("category", t.category())
                .put("matterCode", t.matterCode())
                .put("kiosk", t.kiosk())
                .put("status", t.status().name())
                .put("window", t.windowNumber())
                .put("forWindow", t.forWindow())
                .put("noShows", t.noShows())
                .put("issuedAt", t.issuedAt().toString())
                .put("calledAt", t.calledAt().map(Object::toString).orElse(null))
                .put("startedAt", t.startedAt().map(Object::toString).orElse(null))
                .put("completedAt", t.completedAt().map(Object::toString).orElse(null));
    }

    static JsonObject ticket(Ticket t, WaitingInfo waiting) {
        JsonObject json = ticket(t);
        if (waiting != null && waiting.position() > 0) {
            json.put("position", waiting.position()).put("estimatedWaitMinutes", waiting.estimatedWaitMinutes());
        }
        return json;
    }

    static JsonObject window(WindowSession s) {
        return window(s, Map.of());
    }

    /** @param plates name plates by user name: the window shows the plate of its clerk, or none */
    static JsonObject window(WindowSession s, Map<String, NamePlate> plates) {
        return new JsonObject()
                .put("window", s.windowNumber())
                .put("zoneId", s.zoneId())
                .put("clerk", s.clerk())
                .put("plate", plate(plates.get(s.clerk())))
                .put("signedInAt", s.signedInAt().toString())
                .put("paused", s.paused())
                .put("current", s.current().map(QueueJson::ticket).orElse(null));
    }

    /** @return the name plate as shown on the window's screen and the public views, or null */
    public static JsonObject plate(NamePlate p) {
        return p == null ? null : new JsonObject().put("staffNumber", p.staffNumber()).put("realName", p.realName())
                .put("post", p.post().name()).put("postZh", p.post().chinese()).put("postEn", p.post().english()).put("unitId", p.unitId());
    }

    /** @return the name plates of the users, none when the staff registry is absent; blocks on the database */
    static Map<String, NamePlate> plates(WindowRoster roster, Collection<String> users) {
        return roster == null || users.isEmpty() ? Map.of() : roster.namePlates(users);
    }

    /**
     * @param json a ticket or window view, or a list of windows or a queue snapshot
     * @return the view itself for a staff caller (signed in with a staff role); for anyone else the view without
     *         {@code greenReason} and {@code clerk}
     */
    static JsonObject forCaller(RoutingContext ctx, JsonObject json) {
        boolean staff = CheckedCredential.caller(ctx).map(p -> p.holdsAny(STAFF)).orElse(false);
        return staff ? json : withoutPersonal(json);
    }

    static JsonObject withoutPersonal(JsonObject json) {
        json.remove("greenReason");
        json.remove("clerk");
        for (Object value : json.getMap().values()) {
            if (value instanceof JsonObject inner) {
                withoutPersonal(inner);
            } else if (value instanceof JsonArray items) {
                items.forEach(item -> {
                    if (item instanceof JsonObject inner) {
                        withoutPersonal(inner);
                    }
                });
            }
        }
        return json;
    }

    static JsonObject event(QueueEvent e) {
        JsonObject json = new JsonObject()
                .put("seq", e.seq())
                .put("zoneSeq", e.zoneSeq())
                .put("type", e.type())
                .put("zoneId", e.zoneId())
                .put("ticket", e.ticketNumber())
                .put("ticketId", e.ticketId())
                .put("window", e.windowNumber())
                .put("at", e.at().toString())
                .put("hallId", e.hallId());
        if (e.type().equals("CALLED") || e.type().equals("RECALLED")) {
            json.put("announceZh", "请" + e.ticketNumber() + "号到" + e.windowNumber() + "号窗口办理");
        }
        return json;
    }
}
