package org.onedoor.web.internal.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingReason;
import org.onedoor.web.internal.http.Fields;

/**
 * The good/bad evaluation (好差评, R18) as JSON: the catalogue of levels, reasons, parties and channels
 * for pages; a rating for the citizen (without the staff member's user name) or for staff; and the
 * request fields {@code party}, {@code level} and {@code channel}, refused naming the field.
 */
public final class RatingJson {

    /** Where the reason list comes from, shown to pages and documented in docs/evaluation.md. */
    public static final String CATALOGUE = "OneDoor 2026.1, grouped by the national 好差评 system's offline indicators (整体满意度, 服务效率,"
            + " 服务水平, 服务态度); GB/T 39734-2020 Annex A's own wording not confirmed";

    private RatingJson() {
    }

    public static JsonObject catalogue(List<RatingReason> reasons, int changeDays) {
        JsonArray levels = new JsonArray();
        for (RatingLevel l : RatingLevel.values()) {
            JsonArray offered = new JsonArray();
            reasons.stream().filter(r -> r.offeredFor(l)).forEach(r -> offered.add(new JsonObject().put("code", r.code()).put("zh", r.zh())
                    .put("en", r.en()).put("needsText", r.needsText())));
            levels.add(new JsonObject().put("level", l.name()).put("score", l.score()).put("zh", l.chinese()).put("en", l.english())
                    .put("bad", l.bad()).put("reasonRequired", l.bad()).put("reasons", offered));
        }
        JsonArray parties = new JsonArray();
        for (RatingParty p : RatingParty.values()) {
            parties.add(new JsonObject().put("party", p.name()).put("zh", p.chinese()).put("en", p.english()));
        }
        JsonArray channels = new JsonArray();
        for (RatingChannel c : RatingChannel.values()) {
            channels.add(new JsonObject().put("channel", c.name()).put("zh", c.chinese()).put("en", c.english()));
        }
        return new JsonObject().put("catalogue", CATALOGUE).put("changeDays", changeDays).put("maxReasons", 5).put("maxComment", 500)
                .put("levels", levels).put("parties", parties).put("channels", channels);
    }

    /** @return the rating as the citizen may see it: no staff user name */
    public static JsonObject citizen(Evaluation e) {
        return new JsonObject().put("caseNumber", e.caseNumber()).put("party", e.party().name()).put("partyZh", e.party().chinese())
                .put("level", e.level().name()).put("levelZh", e.level().chinese()).put("score", e.level().score())
                .put("reasons", new JsonArray(e.reasons())).put("comment", e.comment()).put("channel", e.channel().name())
                .put("ratedAt", e.ratedAt().toString()).put("changedAt", e.changedAt().toString()).put("revision", e.revision())
                .put("changeableUntil", e.changeableUntil().toString());
    }

    public static JsonArray citizen(List<Evaluation> list) {
        return new JsonArray(list.stream().map(RatingJson::citizen).toList());
    }

    /** @return the rating for staff: who was rated, the department and the masked citizen */
    public static JsonObject staff(Evaluation e) {
        return citizen(e).put("subject", e.subject()).put("departmentId", e.departmentId()).put("citizen", e.citizen());
    }

    public static RatingParty party(Fields body) {
        String text = body.required("party", Fields.SHORT);
        return RatingParty.parse(text).orElseThrow(() -> new Fields.FieldProblem("invalid-party", "party",
                "party: FRONT（窗口受理人员）或 BACK（后台审批人员） (FRONT or BACK)"));
    }

    /** The level by name ({@code SATISFIED}), Chinese name ({@code 满意}) or score ({@code 4}). */
    public static RatingLevel level(Fields body) {
        Object v = body.json().getValue("level");
        String text = v instanceof Number n ? String.valueOf(n.longValue()) : v instanceof String s ? s : "";
        if (v == null) {
            throw new Fields.FieldProblem("missing-field", "level", "level: 请选择评价等级 (level is required)");
        }
        return RatingLevel.parse(text).orElseThrow(() -> new Fields.FieldProblem("invalid-level", "level",
                "level: 非常满意、满意、基本满意、不满意、非常不满意之一 (VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, "
                        + "VERY_DISSATISFIED or a score 5..1)"));
    }

    /** The channel, {@code CITIZEN_PAGE} when the page does not say. */
    public static RatingChannel channel(Fields body) {
        if (!body.has("channel")) {
            return RatingChannel.CITIZEN_PAGE;
        }
        String text = body.required("channel", Fields.SHORT);
        return RatingChannel.parse(text).orElseThrow(() -> new Fields.FieldProblem("invalid-channel", "channel",
                "channel: WINDOW_PAD, WINDOW_SCREEN, KIOSK, CITIZEN_PAGE 或 NOTIFICATION_LINK"));
    }
}
