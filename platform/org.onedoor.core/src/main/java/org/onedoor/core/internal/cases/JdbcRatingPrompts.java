package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingPrompt;
import org.onedoor.api.cases.RatingPrompts;
import org.onedoor.api.hall.HallClock;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.evaluation.HallRatingFollowUps;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * "One service, one rating" at the window (一次一评): the prompt a clerk leaves for the window's rating pad
 * (table {@code window_rating_prompt}, one per window of a hall, replaced by the next), and the pad's ratings
 * through it, stored as {@link JdbcCaseEvaluations} stores every rating with channel {@code WINDOW_PAD}; the
 * party is marked done in the rating's own transaction, so one prompt gives at most one rating per party.
 */
@Component(service = RatingPrompts.class, configurationPid = "org.onedoor.ratingprompts")
@Designate(ocd = RatingPromptConfig.class)
public final class JdbcRatingPrompts implements RatingPrompts {

    private final CaseStore store;
    private final HallCases cases;
    private final JdbcCaseEvaluations evaluations;
    private volatile Duration lifetime;

    @Activate
    public JdbcRatingPrompts(@Reference HallDatabase database, @Reference AuditOutbox outbox, @Reference HallCases cases,
            @Reference AuditTrail audit, @Reference CaseEventHub hub, @Reference HallRatingFollowUps followUps,
            @Reference HallClock clock, RatingPromptConfig config) {
        this.store = new CaseStore(database, outbox, clock.clock());
        this.cases = cases;
        this.evaluations = new JdbcCaseEvaluations(database, outbox, cases, audit, hub, followUps, clock.clock());
        modified(config);
    }

    /** Takes a changed etc/org.onedoor.ratingprompts.cfg without a restart; a wrong one is refused and the last good one kept. */
    @Modified
    void modified(RatingPromptConfig config) {
        if (config.promptMinutes() < 1 || config.promptMinutes() > 120) {
            throw new IllegalArgumentException("etc/org.onedoor.ratingprompts.cfg: promptMinutes 1..120, not " + config.promptMinutes());
        }
        this.lifetime = Duration.ofMinutes(config.promptMinutes());
    }

    @Override
    public RatingPrompt ask(String hallId, int window, String caseNumber, CaseActor actor) {
        HallCase h = cases.find(caseNumber).orElseThrow(() -> CaseStore.notFound("unknown-case", "没有办件 " + caseNumber
                + " (no such case)"));
        JdbcCaseEvaluations.requireFinished(h);
        Duration life = lifetime;
        CaseStore.Done<RatingPrompt> done = store.write((t, tx) -> {
            WindowBinding.Held held = WindowBinding.hold(t, hallId, window, actor);
            t.createUpdate("DELETE FROM window_rating_prompt WHERE hall_id = :hall AND window_no = :window")
                    .bind("hall", hallId).bind("window", window).execute();
            Instant expires = tx.at().plus(life);
            t.createUpdate("INSERT INTO window_rating_prompt (hall_id, window_no, case_no, asked_by, asked_at, expires_at)"
                    + " VALUES (:hall, :window, :case, :by, :at, :expires)")
                    .bind("hall", hallId).bind("window", window).bind("case", h.number()).bind("by", actor.user())
                    .bind("at", tx.at()).bind("expires", expires).execute();
            tx.audit(new AuditEvent("case-rating-prompt", actor.user(), held.actor().origin(), h.number(), AuditEvent.SUCCESS,
                    "请评价：窗口 " + window + " 的评价器，至 " + expires + " (rating asked at the window's pad)"));
            return prompt(h, hallId, window, actor.user(), tx.at(), expires, null, null);
        });
        store.recordAudit(done);
        return done.result();
    }

    @Override
    public Optional<RatingPrompt> current(String hallId, int window) {
        Instant now = store.now();
        Optional<Row> row = store.read((db, tx) -> row(db, hallId, window, false));
        if (row.isEmpty() || !row.get().expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        Row r = row.get();
        return cases.find(r.caseNumber()).map(h -> prompt(h, hallId, window, r.askedBy(), r.askedAt(), r.expiresAt(), r.front(), r.back()))
                .filter(p -> !p.parties().isEmpty());
    }

    @Override
    public Evaluation rate(String hallId, int window, RatingParty party, RatingLevel level, List<String> reasons, String comment) {
        RatingPrompt seen = current(hallId, window).orElseThrow(JdbcRatingPrompts::none);
        HallCase h = cases.find(seen.caseNumber()).orElseThrow(JdbcRatingPrompts::none);
        return evaluations.evaluateProven(h, party, level, reasons, comment, RatingChannel.WINDOW_PAD, (db, tx) -> {
            Row r = row(db, hallId, window, true).filter(x -> x.expiresAt().isAfter(tx.at()) && x.caseNumber().equals(h.number()))
                    .orElseThrow(JdbcRatingPrompts::none);
            RatingPrompt now = prompt(h, hallId, window, r.askedBy(), r.askedAt(), r.expiresAt(), r.front(), r.back());
            if (!now.parties().contains(party)) {
                throw CaseStore.conflict("party-rated", "本次服务已评价过" + party.chinese() + " (the " + party.english()
                        + " was already rated through this prompt)");
            }
            if (now.parties().size() == 1) {
                tx.handle().createUpdate("DELETE FROM window_rating_prompt WHERE hall_id = :hall AND window_no = :window")
                        .bind("hall", hallId).bind("window", window).execute();
            } else {
                tx.handle().createUpdate("UPDATE window_rating_prompt SET " + (party == RatingParty.FRONT ? "front_rated_at" : "back_rated_at")
                        + " = :at WHERE hall_id = :hall AND window_no = :window").bind("at", tx.at()).bind("hall", hallId)
                        .bind("window", window).execute();
            }
            return null;
        });
    }

    private static CaseException none() {
        return CaseStore.notFound("no-rating-prompt", "本窗口暂无待评价的服务 (no rating asked at this window)");
    }

    /** A stored prompt: the case, who asked when, until when, and when each party was rated through it (null: not yet). */
    private record Row(String caseNumber, String askedBy, Instant askedAt, Instant expiresAt, Instant front, Instant back) {
    }

    private static Optional<Row> row(Handle h, String hallId, int window, boolean lock) {
        return h.createQuery("SELECT case_no, asked_by, asked_at, expires_at, front_rated_at, back_rated_at FROM window_rating_prompt"
                + " WHERE hall_id = :hall AND window_no = :window" + (lock ? " FOR UPDATE" : ""))
                .bind("hall", hallId).bind("window", window)
                .map((rs, ctx) -> new Row(rs.getString("case_no"), rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("front_rated_at")),
                        instant(rs.getTimestamp("back_rated_at"))))
                .findOne();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** @return the prompt with the parties still to rate: the clerk who accepted, the approver who decided, each unless done */
    private static RatingPrompt prompt(HallCase h, String hallId, int window, String askedBy, Instant at, Instant expires, Instant front,
            Instant back) {
        List<RatingParty> parties = new ArrayList<>();
        if (front == null && !blank(h.acceptedBy())) {
            parties.add(RatingParty.FRONT);
        }
        if (back == null && !blank(h.decidedBy())) {
            parties.add(RatingParty.BACK);
        }
        return new RatingPrompt(hallId, window, h.number(), h.matterCode(), h.matterNameZh(), JdbcCaseEvaluations.citizen(h), askedBy,
                blank(h.decidedBy()) ? "" : h.decidedBy(), parties, at, expires);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
