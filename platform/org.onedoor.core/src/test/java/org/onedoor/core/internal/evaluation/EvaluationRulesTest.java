package org.onedoor.core.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingReason;

/** R18 (好差评): the five levels and their scores, the reasons per level, the words and the change period. */
class EvaluationRulesTest {

    private static CaseException refused(String code, String field, Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(field, e.field());
        return e;
    }

    @Test
    void fiveLevelsMapTheOldScoresFiveToOne() {
        assertEquals(List.of("非常满意", "满意", "基本满意", "不满意", "非常不满意"), Arrays.stream(RatingLevel.values()).map(RatingLevel::zh).toList());
        assertEquals(List.of(5, 4, 3, 2, 1), Arrays.stream(RatingLevel.values()).map(RatingLevel::score).toList());
        for (int s = 1; s <= 5; s++) {
            assertEquals(s, RatingLevel.ofScore(s).orElseThrow().score());
        }
        assertEquals(Optional.empty(), RatingLevel.ofScore(0));
        assertEquals(Optional.empty(), RatingLevel.ofScore(6));
        assertEquals(List.of(RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED),
                Arrays.stream(RatingLevel.values()).filter(RatingLevel::bad).toList());
        assertEquals(RatingLevel.BASICALLY_SATISFIED, RatingLevel.parse("基本满意").orElseThrow());
        assertEquals(RatingLevel.VERY_DISSATISFIED, RatingLevel.parse("very_dissatisfied").orElseThrow());
        assertEquals(RatingLevel.SATISFIED, RatingLevel.parse("4").orElseThrow());
        assertEquals(Optional.empty(), RatingLevel.parse("good"));
        assertEquals(RatingParty.FRONT, RatingParty.parse("clerk").orElseThrow());
        assertEquals("APPROVER", RatingParty.BACK.followUpParty());
    }

    @Test
    void everyLevelOffersReasonsAndCodesAreUnique() {
        for (RatingLevel l : RatingLevel.values()) {
            assertFalse(RatingReasons.offeredFor(l).isEmpty(), l.name());
        }
        assertEquals(RatingReasons.ALL.size(), new HashSet<>(RatingReasons.ALL.stream().map(RatingReason::code).toList()).size());
        assertTrue(RatingReasons.offeredFor(RatingLevel.DISSATISFIED).stream().allMatch(r -> r.code().startsWith("B")));
        assertTrue(RatingReasons.offeredFor(RatingLevel.VERY_SATISFIED).stream().allMatch(r -> r.code().startsWith("G")));
        assertTrue(RatingReasons.offeredFor(RatingLevel.BASICALLY_SATISFIED).stream().anyMatch(r -> r.code().startsWith("M")));
    }

    @Test
    void reasonsMustBeOfferedForTheLevelAndABadOneNeedsAReasonOrWords() {
        assertEquals(List.of("G01", "G03"), EvaluationRules.reasons(RatingLevel.VERY_SATISFIED, List.of("g01", " G03"), ""));
        assertEquals(List.of(), EvaluationRules.reasons(RatingLevel.SATISFIED, List.of(), ""));
        assertEquals(List.of(), EvaluationRules.reasons(RatingLevel.DISSATISFIED, List.of(), "窗口人员态度冷淡"));
        refused("unknown-reason", "reasons", () -> EvaluationRules.reasons(RatingLevel.SATISFIED, List.of("X99"), ""));
        refused("reason-not-offered", "reasons", () -> EvaluationRules.reasons(RatingLevel.DISSATISFIED, List.of("G01"), ""));
        refused("reason-not-offered", "reasons", () -> EvaluationRules.reasons(RatingLevel.VERY_SATISFIED, List.of("B04"), ""));
        refused("duplicate-reason", "reasons", () -> EvaluationRules.reasons(RatingLevel.DISSATISFIED, List.of("B04", "b04"), ""));
        refused("reason-required", "reasons", () -> EvaluationRules.reasons(RatingLevel.VERY_DISSATISFIED, List.of(), ""));
        refused("missing-comment", "comment", () -> EvaluationRules.reasons(RatingLevel.DISSATISFIED, List.of("B10"), ""));
        assertEquals(List.of("B10"), EvaluationRules.reasons(RatingLevel.DISSATISFIED, List.of("B10"), "叫号屏不显示"));
        refused("too-many-reasons", "reasons", () -> EvaluationRules.reasons(RatingLevel.DISSATISFIED,
                List.of("B01", "B02", "B03", "B04", "B05", "B06"), ""));
    }

    @Test
    void wordsAreLimitedAndMasked() {
        assertEquals("", EvaluationRules.comment("  "));
        assertEquals("", EvaluationRules.comment(null));
        String masked = EvaluationRules.comment(" 很好，电话13812345678 ");
        assertFalse(masked.contains("13812345678"), masked);
        assertTrue(masked.startsWith("很好"), masked);
        assertEquals(500, EvaluationRules.comment("好".repeat(500)).length());
        refused("invalid-comment", "comment", () -> EvaluationRules.comment("好".repeat(501)));
        refused("invalid-comment", "comment", () -> EvaluationRules.comment("好\u0007"));
    }

    @Test
    void aRatingMayBeChangedWithinTheDaysOfTheFirstOnly() {
        Instant first = Instant.parse("2026-11-27T02:00:00Z");
        assertEquals(Instant.parse("2026-12-04T02:00:00Z"), EvaluationRules.changeableUntil(first, 7));
        EvaluationRules.requireChangeable(first, 7, first.plus(Duration.ofDays(6)));
        EvaluationRules.requireChangeable(first, 7, first.plus(Duration.ofDays(7)));
        CaseException late = assertThrows(CaseException.class,
                () -> EvaluationRules.requireChangeable(first, 7, first.plus(Duration.ofDays(7)).plusMillis(1)));
        assertEquals("change-period-over", late.code());
        assertEquals(CaseException.Reason.CONFLICT, late.reason());
        assertEquals("change-period-over", assertThrows(CaseException.class,
                () -> EvaluationRules.requireChangeable(first, 0, first)).code());
    }
}
