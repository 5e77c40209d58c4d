package org.onedoor.core.internal.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingReason;
import org.onedoor.api.citizen.CitizenDataMasking;
import org.onedoor.core.internal.text.FieldText;

/**
 * What a rating may say and until when it may be changed (R18): reasons from {@link RatingReasons}
 * offered for the level chosen, at most {@value #MAX_REASONS}, none twice; a bad level (不满意,
 * 非常不满意) needs a reason or the citizen's words, "other" needs words; words at most
 * {@value #MAX_COMMENT} characters, stored masked; a change only within the configured days
 * counted from the first rating.
 */
public final class EvaluationRules {

    public static final int MAX_REASONS = 5;
    public static final int MAX_COMMENT = 500;

    private EvaluationRules() {
    }

    /** @return the reason codes checked, upper case, in the order given */
    public static List<String> reasons(RatingLevel level, List<String> codes, String comment) {
        return reasons(level, codes, comment, true);
    }

    /**
     * @param reasonRequired false only for the 1..5 scores of pages from before the reasons, which cannot give one
     * @return the reason codes checked, upper case, in the order given
     */
    public static List<String> reasons(RatingLevel level, List<String> codes, String comment, boolean reasonRequired) {
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : codes) {
            String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
            RatingReason reason = RatingReasons.byCode(code).orElseThrow(() -> FieldText.invalid("unknown-reason", "reasons",
                    "reasons: 没有评价原因 " + raw + " (no such reason)"));
            if (!reason.offeredFor(level)) {
                throw FieldText.invalid("reason-not-offered", "reasons", "reasons: 原因 " + code + "（" + reason.zh() + "）不适用于" + level.chinese()
                        + " (not offered for " + level.english() + ")");
            }
            if (!seen.add(code)) {
                throw FieldText.invalid("duplicate-reason", "reasons", "reasons: 原因 " + code + " 重复 (chosen twice)");
            }
            if (reason.needsText() && comment.isEmpty()) {
                throw FieldText.invalid("missing-comment", "comment", "comment: 选择“其他”时请填写具体原因 (describe the other reason)");
            }
        }
        if (seen.size() > MAX_REASONS) {
            throw FieldText.invalid("too-many-reasons", "reasons", "reasons: 最多选择 " + MAX_REASONS + " 项 (at most " + MAX_REASONS + ")");
        }
        if (reasonRequired && level.bad() && seen.isEmpty() && comment.isEmpty()) {
            throw FieldText.invalid("reason-required", "reasons", "reasons: " + level.chinese() + "时请选择或填写原因 (a bad rating needs a reason or words)");
        }
        return new ArrayList<>(seen);
    }

    /** @return the citizen's words stripped and masked; empty when none; refused when too long or with control characters */
    public static String comment(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "";
        }
        return CitizenDataMasking.mask(FieldText.required("comment", t, MAX_COMMENT));
    }

    /** @return the last instant a rating first given at {@code ratedAt} may be changed */
    public static Instant changeableUntil(Instant ratedAt, int changeDays) {
        return ratedAt.plus(Duration.ofDays(changeDays));
    }

    /** Refuses a change at {@code now} of a rating first given at {@code ratedAt}, once the days are over. */
    public static void requireChangeable(Instant ratedAt, int changeDays, Instant now) {
        if (changeDays == 0 || now.isAfter(changeableUntil(ratedAt, changeDays))) {
            throw new CaseException(CaseException.Reason.CONFLICT, "change-period-over", changeDays == 0
                    ? "评价提交后不能修改 (ratings cannot be changed)"
                    : "评价只能在首次评价后 " + changeDays + " 天内修改，已超过期限 (a rating may be changed within " + changeDays
                            + " days of the first one; that period is over)");
        }
    }
}
