package org.onedoor.web.internal.evaluation;

import io.vertx.core.json.JsonObject;
import org.onedoor.api.cases.Complaint;

/** Complaints as JSON: in full for the hall's staff, masked for the unit complained about. */
public final class ComplaintJson {

    private ComplaintJson() {
    }

    static JsonObject full(Complaint c) {
        return common(c).put("complainant", c.complainant()).put("phone", c.phone());
    }

    static JsonObject forUnit(Complaint c) {
        return common(c).put("complainant", c.maskedComplainant()).put("phone", c.maskedPhone());
    }

    private static JsonObject common(Complaint c) {
        JsonObject o = new JsonObject().put("number", c.number()).put("channel", c.channel().name())
                .put("channelName", c.channel().chinese()).put("kind", c.kind().name()).put("kindName", c.kind().chinese())
                .put("state", c.state().name()).put("departmentId", c.departmentId()).put("caseNumber", c.caseNumber())
                .put("window", c.window()).put("text", c.text()).put("receivedAt", c.receivedAt().toString())
                .put("receivedBy", c.receivedBy()).put("replyDue", c.replyDue().toString()).put("reply", c.reply())
                .put("rounds", c.rounds()).put("closing", c.closing());
        c.accepted().ifPresent(a -> o.put("accepted", a));
        c.closedAt().ifPresent(t -> o.put("closedAt", t.toString()));
        c.escalatedAt().ifPresent(t -> o.put("escalatedAt", t.toString()));
        return o;
    }
}
