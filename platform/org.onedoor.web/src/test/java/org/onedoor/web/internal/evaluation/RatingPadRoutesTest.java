package org.onedoor.web.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.annotation.Annotation;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseEvaluations;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.Evaluation;
import org.onedoor.api.cases.EvaluationRequest;
import org.onedoor.api.cases.Rating;
import org.onedoor.api.cases.RatingChannel;
import org.onedoor.api.cases.RatingLevel;
import org.onedoor.api.cases.RatingParty;
import org.onedoor.api.cases.RatingPrompt;
import org.onedoor.api.cases.RatingPrompts;
import org.onedoor.api.cases.RatingReason;
import org.onedoor.api.cases.RatingReport;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.NamePlate;
import org.onedoor.api.staff.Post;
import org.onedoor.api.staff.RosterEntry;
import org.onedoor.api.staff.WindowRoster;
import org.onedoor.web.internal.RouteTestServer;

/**
 * The rating pad's routes on the real Vert.x server over stand-in services (the prompts' rules are tested in
 * the core, {@code RatingPromptsTest}): the pad is a device bound to its window (anonymous 401, a clerk or
 * another device 403), it sees name plates and never a login name or check code, the clerk asks for its
 * own window's rating, and refusals are problem documents.
 */
public class RatingPadRoutesTest {

    private static final HallPrincipal CLERK = new HallPrincipal("clerk1", Set.of("clerk"), Optional.empty());
    private static final HallPrincipal PAD97 = new HallPrincipal("pad97", Set.of("kiosk"), Optional.empty());
    private static final HallPrincipal KIOSK = new HallPrincipal("kiosk1", Set.of("kiosk"), Optional.empty());
    private static final Instant AT = Instant.parse("2026-11-27T02:00:00Z");

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile HallPrincipal principal = PAD97;
    private volatile RatingPrompt prompt;
    private RouteTestServer server;

    private final RatingPrompts prompts = new RatingPrompts() {
        @Override
        public RatingPrompt ask(String hallId, int window, String caseNumber, CaseActor actor) {
            calls.add("ask " + hallId + " " + window + " " + caseNumber + " " + actor.user() + " " + actor.origin());
            prompt = new RatingPrompt(hallId, window, caseNumber, "A17-050", "出入境证件签注", "张* 411***********4515", actor.user(),
                    "approver.a17", List.of(RatingParty.FRONT, RatingParty.BACK), AT, AT.plusSeconds(600));
            return prompt;
        }

        @Override
        public Optional<RatingPrompt> current(String hallId, int window) {
            RatingPrompt p = prompt;
            return p != null && p.hallId().equals(hallId) && p.window() == window ? Optional.of(p) : Optional.empty();
        }

        @Override
        public Evaluation rate(String hallId, int window, RatingParty party, RatingLevel level, List<String> reasons, String comment) {
            calls.add("rate " + hallId + " " + window + " " + party + " " + level + " " + reasons + " " + comment);
            if (party == RatingParty.BACK) {
                throw new CaseException(CaseException.Reason.CONFLICT, "party-rated", "already rated");
            }
            return new Evaluation(prompt.caseNumber(), "A17", party, "clerk1", level, reasons, comment, RatingChannel.WINDOW_PAD,
                    "张* 411***********4515", AT, AT, 1, AT.plusSeconds(7 * 86400));
        }
    };

    private final CaseEvaluations evaluations = new CaseEvaluations() {
        @Override
        public Rating rate(String number, String checkCode, int clerkScore, int approverScore, String comment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Evaluation evaluate(EvaluationRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Evaluation> evaluations(String number, String checkCode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Evaluation> history(String number) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RatingReason> reasons() {
            return List.of(new RatingReason("B04", List.of(RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED), "服务态度差，推诿敷衍",
                    "Rude, evasive or perfunctory staff", false));
        }

        @Override
        public int changeDays() {
            return 7;
        }

        @Override
        public RatingReport report() {
            throw new UnsupportedOperationException();
        }
    };

    private final WindowRoster roster = new WindowRoster() {
        @Override
        public RosterEntry assign(String hallId, LocalDate day, int window, long staffId, HallPrincipal actor, String origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean unassign(String hallId, LocalDate day, int window, HallPrincipal actor, String origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RosterEntry> roster(String hallId, LocalDate day) {
            return List.of();
        }

        @Override
        public void setZone(long staffId, Optional<String> zoneId, HallPrincipal actor, String origin) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> zone(long staffId) {
            return Optional.empty();
        }

        @Override
        public Map<String, NamePlate> namePlates(Collection<String> users) {
            Map<String, NamePlate> all = Map.of("clerk1", new NamePlate("ZW00017", "李明", Post.WINDOW_STAFF, "A17"),
                    "approver.a17", new NamePlate("ZW00021", "王芳", Post.SECTION_CHIEF, "A17"));
            return users.stream().filter(all::containsKey).collect(Collectors.toMap(u -> u, all::get));
        }
    };

    static RatingPadConfig pads(String pads) {
        return new RatingPadConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RatingPadConfig.class;
            }

            @Override
            public String pads() {
                return pads;
            }
        };
    }

    @BeforeEach
    void start() throws Exception {
        RatingPadRoutes routes = new RatingPadRoutes(prompts, evaluations, RouteTestServer.signedIn(() -> principal),
                pads("pad97=97, pad-xp1=xiping/1"));
        routes.roster = roster;
        server = RouteTestServer.start(routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> as(HallPrincipal who, String path, String body) throws Exception {
        principal = who;
        return body == null ? server.get(path) : server.post(path, body);
    }

    @Test
    void onlyTheWindowsOwnPadReadsAndRatesItsPrompt() throws Exception {
        RouteTestServer.problem(as(null, "/api/v1/windows/97/rating-prompt", null), 401, "unauthenticated");
        RouteTestServer.problem(as(CLERK, "/api/v1/windows/97/rating-prompt", null), 403, "forbidden");
        RouteTestServer.problem(as(KIOSK, "/api/v1/windows/97/rating-prompt", null), 403, "not-this-windows-pad");
        RouteTestServer.problem(as(PAD97, "/api/v1/windows/98/rating-prompt", null), 403, "not-this-windows-pad");
        RouteTestServer.problem(as(null, "/api/v1/windows/97/rating-prompt/evaluation", "{\"party\":\"FRONT\",\"level\":5}"), 401,
                "unauthenticated");
        RouteTestServer.problem(as(KIOSK, "/api/v1/windows/97/rating-prompt/evaluation", "{\"party\":\"FRONT\",\"level\":5}"), 403,
                "not-this-windows-pad");
        RouteTestServer.problem(as(PAD97, "/api/v1/windows/97/rating-prompt", null), 404, "no-rating-prompt");
        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void theClerkAsksAndThePadShowsNamePlatesLevelsAndReasonsThenRates() throws Exception {
        RouteTestServer.problem(as(PAD97, "/api/v1/windows/97/rating-prompt", "{\"caseNumber\":\"A17-20261127-0001\"}"), 403, "forbidden");
        RouteTestServer.problem(as(CLERK, "/api/v1/windows/97/rating-prompt", "{}"), 400, "missing-field");
        HttpResponse<String> asked = as(CLERK, "/api/v1/windows/97/rating-prompt", "{\"caseNumber\":\"a17-20261127-0001\"}");
        assertEquals(201, asked.statusCode(), asked.body());
        assertEquals("ask zhumadian 97 A17-20261127-0001 clerk1 window:97", calls.get(0));
        assertEquals(List.of("FRONT", "BACK"), new JsonObject(asked.body()).getJsonArray("parties").getList());

        HttpResponse<String> read = as(PAD97, "/api/v1/windows/97/rating-prompt", null);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject pad = new JsonObject(read.body());
        assertEquals("A17-20261127-0001", pad.getString("caseNumber"));
        assertEquals("出入境证件签注", pad.getString("matterNameZh"));
        assertEquals("ZW00017", pad.getJsonObject("plate").getString("staffNumber"));
        assertEquals("李明", pad.getJsonObject("plate").getString("realName"));
        assertEquals("王芳", pad.getJsonArray("parties").getJsonObject(1).getJsonObject("plate").getString("realName"));
        assertEquals(5, pad.getJsonArray("levels").size());
        assertEquals("B04", pad.getJsonArray("levels").getJsonObject(3).getJsonArray("reasons").getJsonObject(0).getString("code"));
        assertFalse(read.body().contains("clerk1") || read.body().contains("approver.a17") || read.body().contains("checkCode"), read.body());

        RouteTestServer.problem(as(PAD97, "/api/v1/windows/97/rating-prompt/evaluation", "{\"party\":\"FRONT\",\"level\":9}"), 400,
                "invalid-level");
        HttpResponse<String> rated = as(PAD97, "/api/v1/windows/97/rating-prompt/evaluation",
                "{\"party\":\"FRONT\",\"level\":\"不满意\",\"reasons\":[\"B04\"],\"comment\":\"等太久\"}");
        assertEquals(201, rated.statusCode(), rated.body());
        assertEquals("WINDOW_PAD", new JsonObject(rated.body()).getString("channel"));
        assertFalse(rated.body().contains("clerk1"), rated.body());
        assertEquals("rate zhumadian 97 FRONT DISSATISFIED [B04] 等太久", calls.get(1));
        RouteTestServer.problem(as(PAD97, "/api/v1/windows/97/rating-prompt/evaluation", "{\"party\":\"BACK\",\"level\":4}"), 409,
                "party-rated");
    }

    @Test
    void aWrongPadBindingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RatingPads.parse("pad97"));
        assertThrows(IllegalArgumentException.class, () -> RatingPads.parse("pad97=0"));
        assertThrows(IllegalArgumentException.class, () -> RatingPads.parse("pad97=97,pad97=98"));
        assertTrue(RatingPads.parse("pad-xp1=xiping/1").at("pad-xp1", "xiping", 1));
        assertFalse(RatingPads.parse("pad-xp1=xiping/1").at("pad-xp1", "zhumadian", 1));
    }
}
