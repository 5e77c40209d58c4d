package org.onedoor.web.internal;

import io.vertx.core.json.JsonObject;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.WaitingInfo;
import org.onedoor.api.queue.WindowSession;

/** JSON views of tickets, windows and queue events for the API and the event stream. */
final class QueueJson {

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
        return new JsonObject()
                .put("window", s.windowNumber())
                .put("zoneId", s.zoneId())
                .put("clerk", s.clerk())
                .put("signedInAt", s.signedInAt().toString())
                .put("paused", s.paused())
                .put("current", s.current().map(QueueJson::ticket).orElse(null));
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
                .put("at", e.at().toString());
        if (e.type().equals("CALLED") || e.type().equals("RECALLED")) {
            json.put("announceZh", "请" + e.ticketNumber() + "号到" + e.windowNumber() + "号窗口办理");
        }
        return json;
    }
}
