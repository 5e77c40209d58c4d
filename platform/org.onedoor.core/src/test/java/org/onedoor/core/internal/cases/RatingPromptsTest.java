package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.onedoor.api.cases.AcceptedCase;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingPrompt;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallClock;

/**
 * "One service, one rating" at the window (一次一评) on a real migrated H2 store: the clerk holding window 97
 * asks, the pad reads the prompt and rates each party once through it with channel WINDOW_PAD, without the
 * check code; a newer prompt replaces an older one, a prompt lapses after its minutes, and a case not
 * finished, unknown, or a window the clerk does not hold is refused.
 */
class RatingPromptsTest {

    private static final String HALL = Hall.DEFAULT_ID;

    private final CaseFixture f = new CaseFixture();
    private final JdbcRatingPrompts prompts = new JdbcRatingPrompts(f.database, f.outbox, f.cases, f.trail, f.hub, f.followUps,
            HallClock.of(f.clock), minutes(10));

    private static RatingPromptConfig minutes(int m) {
        return new RatingPromptConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RatingPromptConfig.class;
            }

            @Override
            public int promptMinutes() {
                return m;
            }
        };
    }

    private AcceptedCase accepted() {
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.IMMEDIATE, "申请人居民身份证"), CaseFixture.CLERK);
    }

    private AcceptedCase finished() {
        AcceptedCase a = accepted();
        String no = a.hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.CLERK);
        f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "5号出件窗口", ""), CaseFixture.CLERK);
        return a;
    }

    private static CaseException refused(String code, Executable what) {
        CaseException e = assertThrows(CaseException.class, what);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void thePadRatesEachPartyOnceThroughTheClerksPromptWithoutTheCheckCode() {
        AcceptedCase a = finished();
        String no = a.hallCase().number();
        refused("no-rating-prompt", () -> prompts.rate(HALL, 97, RatingParty.FRONT, RatingLevel.SATISFIED, List.of(), ""));
        RatingPrompt asked = prompts.ask(HALL, 97, no, CaseFixture.CLERK);
        assertEquals(List.of(RatingParty.FRONT, RatingParty.BACK), asked.parties());
        assertEquals(f.clock.instant().plus(Duration.ofMinutes(10)), asked.expiresAt());
        assertTrue(f.audit.stream().anyMatch(e -> e.action().equals("case-rating-prompt") && e.target().equals(no)
                && e.actor().equals("clerk1") && e.origin().equals("window:97")), f.audit.toString());
        RatingPrompt seen = prompts.current(HALL, 97).orElseThrow();
        assertEquals(no, seen.caseNumber());
        assertEquals("clerk1", seen.clerk());
        assertEquals("approver.a17", seen.approver());
        assertEquals("张* 411***********4515", seen.applicantMasked());
        assertTrue(prompts.current(HALL, 89).isEmpty(), "another window has no prompt");

        Evaluation front = prompts.rate(HALL, 97, RatingParty.FRONT, RatingLevel.VERY_SATISFIED, List.of("G03"), "");
        assertEquals(RatingChannel.WINDOW_PAD, front.channel());
        assertEquals("clerk1", front.subject());
        assertEquals(List.of(RatingParty.BACK), prompts.current(HALL, 97).orElseThrow().parties());
        refused("party-rated", () -> prompts.rate(HALL, 97, RatingParty.FRONT, RatingLevel.DISSATISFIED, List.of("B04"), ""));
        assertEquals("reasons", refused("reason-required",
                () -> prompts.rate(HALL, 97, RatingParty.BACK, RatingLevel.DISSATISFIED, List.of(), "")).field());
        assertEquals(List.of(RatingParty.BACK), prompts.current(HALL, 97).orElseThrow().parties(), "a refused rating leaves the party open");
        prompts.rate(HALL, 97, RatingParty.BACK, RatingLevel.SATISFIED, List.of(), "");
        assertTrue(prompts.current(HALL, 97).isEmpty(), "used up once every party is rated");
        refused("no-rating-prompt", () -> prompts.rate(HALL, 97, RatingParty.BACK, RatingLevel.SATISFIED, List.of(), ""));

        List<Evaluation> stored = f.evaluations.evaluations(no, a.checkCode());
        assertEquals(List.of(RatingChannel.WINDOW_PAD, RatingChannel.WINDOW_PAD), stored.stream().map(Evaluation::channel).toList());
        assertEquals(List.of(RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED), stored.stream().map(Evaluation::level).toList());
    }

    @Test
    void aNewerPromptReplacesTheOlderAndAPromptLapses() {
        AcceptedCase first = finished();
        AcceptedCase second = finished();
        prompts.ask(HALL, 97, first.hallCase().number(), CaseFixture.CLERK);
        prompts.ask(HALL, 97, second.hallCase().number(), CaseFixture.CLERK);
        assertEquals(second.hallCase().number(), prompts.current(HALL, 97).orElseThrow().caseNumber());
        prompts.rate(HALL, 97, RatingParty.FRONT, RatingLevel.SATISFIED, List.of(), "");
        assertTrue(f.evaluations.evaluations(first.hallCase().number(), first.checkCode()).isEmpty(), "the replaced prompt's case is not rated");

        f.clock.advance(Duration.ofMinutes(10));
        assertTrue(prompts.current(HALL, 97).isEmpty(), "lapsed after its ten minutes");
        refused("no-rating-prompt", () -> prompts.rate(HALL, 97, RatingParty.BACK, RatingLevel.SATISFIED, List.of(), ""));
    }

    @Test
    void anUnknownOrUnfinishedCaseAndAWindowNotHeldAreRefused() {
        AcceptedCase open = accepted();
        AcceptedCase done = finished();
        refused("unknown-case", () -> prompts.ask(HALL, 97, "A17-20261127-9999", CaseFixture.CLERK));
        refused("not-finished", () -> prompts.ask(HALL, 97, open.hallCase().number(), CaseFixture.CLERK));
        refused("window-not-signed-in", () -> prompts.ask(HALL, 12, done.hallCase().number(), CaseFixture.CLERK));
        refused("window-not-yours", () -> prompts.ask(HALL, 97, done.hallCase().number(), CaseFixture.actor("clerk2", "clerk", null)));
        assertFalse(prompts.current(HALL, 97).isPresent());
    }
}
