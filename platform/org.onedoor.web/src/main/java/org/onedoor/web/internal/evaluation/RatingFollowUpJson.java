package org.onedoor.web.internal.evaluation;

import io.vertx.core.json.JsonObject;
import org.onedoor.api.cases.FollowUpFigures;
import org.onedoor.api.cases.RatingFollowUp;

/** Follow-ups of bad ratings and their figures as JSON (R18). The citizen's comment is stored masked. */
public final class RatingFollowUpJson {

    private RatingFollowUpJson() {
    }

    static JsonObject of(RatingFollowUp f) {
        JsonObject o = new JsonObject().put("id", f.id()).put("caseNumber", f.caseNumber()).put("party", f.party())
                .put("partyName", f.party().equals("CLERK") ? "窗口" : "审批").put("subject", f.subject())
                .put("departmentId", f.departmentId()).put("score", f.score()).put("scoreName", f.score() == 1 ? "非常不满意" : "不满意")
                .put("comment", f.comment()).put("state", f.state().name()).put("openedAt", f.openedAt().toString())
                .put("due", f.due().toString()).put("light", f.light().name()).put("callback", f.callback()).put("reply", f.reply())
                .put("dispute", f.dispute()).put("decision", f.decision()).put("excluded", f.excluded());
        f.justified().ifPresent(j -> o.put("justified", j));
        f.repliedAt().ifPresent(t -> o.put("repliedAt", t.toString()));
        f.satisfied().ifPresent(s -> o.put("satisfied", s));
        f.closedAt().ifPresent(t -> o.put("closedAt", t.toString()));
        f.escalatedAt().ifPresent(t -> o.put("escalatedAt", t.toString()));
        return o;
    }

    static JsonObject of(FollowUpFigures f) {
        return new JsonObject().put("dimension", f.dimension()).put("key", f.key()).put("finished", f.finished()).put("rated", f.rated())
                .put("scores", f.scores()).put("excluded", f.excluded()).put("effective", f.effective()).put("bad", f.bad())
                .put("repliedOnTime", f.repliedOnTime()).put("late", f.late()).put("open", f.open()).put("ratingRate", f.ratingRate())
                .put("badShare", f.badShare()).put("onTimeRate", f.onTimeRate());
    }
}
