package org.onedoor.core.internal.evaluation;

import static org.onedoor.api.cases.RatingLevel.BASICALLY_SATISFIED;
import static org.onedoor.api.cases.RatingLevel.DISSATISFIED;
import static org.onedoor.api.cases.RatingLevel.SATISFIED;
import static org.onedoor.api.cases.RatingLevel.VERY_DISSATISFIED;
import static org.onedoor.api.cases.RatingLevel.VERY_SATISFIED;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingReason;

/**
 * The reasons a citizen may pick, per level: praise for the three satisfied levels, shortcomings
 * for 基本满意, and for the two bad levels the contents of a bad rating, each under one of the national
 * 好差评 system's offline indicators (整体满意度, 服务效率, 服务水平, 服务态度; docs/evaluation.md gives the
 * indicator of each code). The wording of GB/T 39734-2020 Annex A's items could not be confirmed, so the
 * codes are OneDoor's own. Codes are stored with ratings and never reused.
 */
public final class RatingReasons {

    private static final List<RatingLevel> GOOD = List.of(VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED);
    private static final List<RatingLevel> FAIR = List.of(BASICALLY_SATISFIED);
    private static final List<RatingLevel> BAD = List.of(DISSATISFIED, VERY_DISSATISFIED);

    /** The catalogue, in the order pages show it. */
    public static final List<RatingReason> ALL = List.of(
            new RatingReason("G01", GOOD, "一次性告知，材料要求清楚", "Told everything needed at once, clear materials list", false),
            new RatingReason("G02", GOOD, "办理快捷，等候时间短", "Quick service, short wait", false),
            new RatingReason("G03", GOOD, "服务热情，态度亲切", "Friendly and courteous staff", false),
            new RatingReason("G04", GOOD, "业务熟练，解答专业", "Skilled staff, clear answers", false),
            new RatingReason("G05", GOOD, "流程简便，少跑腿", "Simple procedure, fewer trips", false),
            new RatingReason("G06", GOOD, "环境整洁，设施便利", "Clean hall, convenient facilities", false),
            new RatingReason("M01", FAIR, "等候时间偏长", "Waiting was rather long", false),
            new RatingReason("M02", FAIR, "指引和告知还不够清楚", "Guidance could be clearer", false),
            new RatingReason("M03", FAIR, "办理环节偏多", "Rather many steps", false),
            new RatingReason("B01", BAD, "未一次性告知，需多次跑腿", "Not told everything at once, had to come again", false),
            new RatingReason("B02", BAD, "要求提供清单以外的材料", "Asked for materials beyond the published list", false),
            new RatingReason("B03", BAD, "超过承诺时限或拖延办理", "Beyond the promised time limit, or delayed", false),
            new RatingReason("B04", BAD, "服务态度差，推诿敷衍", "Rude, evasive or perfunctory staff", false),
            new RatingReason("B05", BAD, "业务不熟练，解答不清", "Unskilled staff, unclear answers", false),
            new RatingReason("B06", BAD, "办事指南与实际办理不一致", "Service guide differs from practice", false),
            new RatingReason("B07", BAD, "排队等候时间过长", "Waited far too long", false),
            new RatingReason("B08", BAD, "系统或设备故障，无法正常办理", "Systems or devices failed", false),
            new RatingReason("B09", BAD, "违规收费或索要好处", "Improper fees or favours asked", false),
            new RatingReason("B10", BAD, "其他（请填写）", "Other (please describe)", true));

    private RatingReasons() {
    }

    /** @return the reason of that code */
    public static Optional<RatingReason> byCode(String code) {
        return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** @return the reasons offered for a level */
    public static List<RatingReason> offeredFor(RatingLevel level) {
        return ALL.stream().filter(r -> r.offeredFor(level)).toList();
    }
}
