package org.onedoor.web.internal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.FollowUpFigures;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.RatingFollowUps;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.WebAccess;
import org.onedoor.web.internal.RouteTestServer;

/**
 * The follow-up routes on the real Vert.x server over a stand-in service (the rules are tested in
 * the core): parsing, a unit's scope, JSON, and refusals as problems naming the field.
 */
public class RatingFollowUpRoutesTest {

    private static final HallPrincipal ADMIN = new HallPrincipal("admin", Set.of("admin"), Optional.empty());
    private static final HallPrincipal DEPT_A17 = new HallPrincipal("dept.a17", Set.of("department"), Optional.of("A17"));

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile HallPrincipal principal = DEPT_A17;

    private static RatingFollowUp followUp(long id, String department, FollowUpState state, Optional<Boolean> justified) {
        return new RatingFollowUp(id, department + "-20261127-0001", "CLERK", "clerk1", department, 1, "态度差", state,
                Instant.parse("2026-11-27T02:00:00Z"), LocalDate.of(2026, 12, 4), justified, "", "", Optional.empty(), "", "",
                Optional.empty(), false, Optional.empty(), Optional.empty(), TimeLight.YELLOW);
    }

    private final RatingFollowUps service = new RatingFollowUps() {
        @Override
        public RatingFollowUp callBack(long id, boolean justified, String callback, CaseActor actor) {
            calls.add("callBack " + id + " " + justified + " " + callback + " " + actor.user());
            return followUp(id, "A17", FollowUpState.CALLED_BACK, Optional.of(justified));
        }

        @Override
        public RatingFollowUp reply(long id, String reply, CaseActor actor) {
            throw new CaseException(CaseException.Reason.CONFLICT, "illegal-transition", "not now");
        }

        @Override
        public RatingFollowUp dispute(long id, String evidence, CaseActor actor) {
            throw new CaseException(CaseException.Reason.CONFLICT, "rating-justified", "justified");
        }

        @Override
        public RatingFollowUp decide(long id, boolean upheld, String note, CaseActor actor) {
            calls.add("decide " + id + " " + upheld + " " + note);
            return followUp(id, "A17", FollowUpState.CLOSED, Optional.of(false));
        }

        @Override
        public RatingFollowUp close(long id, boolean satisfied, String note, CaseActor actor) {
            throw new CaseException(CaseException.Reason.INVALID, "invalid-note", "note: too long", "note");
        }

        @Override
        public Optional<RatingFollowUp> find(long id) {
            return id == 1 ? Optional.of(followUp(1, "A17", FollowUpState.OPEN, Optional.empty()))
                    : id == 2 ? Optional.of(followUp(2, "A26", FollowUpState.OPEN, Optional.empty())) : Optional.empty();
        }

        @Override
        public List<RatingFollowUp> list(Optional<FollowUpState> state, String departmentId, int limit) {
            calls.add("list " + state.map(Enum::name).orElse("-") + " " + departmentId + " " + limit);
            return List.of(followUp(1, "A17", FollowUpState.OPEN, Optional.empty()));
        }

        @Override
        public List<FollowUpFigures> figures(LocalDate from, LocalDate to) {
            calls.add("figures " + from + " " + to);
            return List.of(new FollowUpFigures("unit", "A17", 10, 8, 16, 1, 3, 2, 1, 0),
                    new FollowUpFigures("unit", "A26", 4, 4, 8, 0, 0, 0, 0, 0), new FollowUpFigures("person", "clerk1", 5, 4, 4, 0, 1, 1, 0, 0));
        }
    };

    private RouteTestServer server;

    @BeforeEach
    void start() throws Exception {
        WebAccess access = RouteTestServer.signedIn(() -> principal);
        server = RouteTestServer.start(new RatingFollowUpRoutes(service, access, org.onedoor.api.hall.HallClock.of(java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai")))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return server.post("/api/v1/rating-follow-ups" + path, body);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.get("/api/v1/rating-follow-ups" + path);
    }


    @Test
    void aUnitsUserListsOnlyItsUnitAndSeesNoOtherUnitsFollowUp() throws Exception {
        HttpResponse<String> r = get("?state=open");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject first = new JsonObject(r.body()).getJsonArray("followUps").getJsonObject(0);
        assertEquals(1L, first.getLong("id"));
        assertEquals("非常不满意", first.getString("scoreName"));
        assertEquals("窗口", first.getString("partyName"));
        assertEquals("2026-12-04", first.getString("due"));
        assertEquals("YELLOW", first.getString("light"));
        assertFalse(first.containsKey("justified"), "not verified yet");
        assertEquals("list OPEN A17 100", calls.get(0), "a unit's user is scoped to its unit");
        RouteTestServer.problem(get("?department=A26"), 403, "out-of-department");
        assertEquals(200, get("/1").statusCode());
        RouteTestServer.problem(get("/2"), 404, "unknown-follow-up");
        assertEquals("limit", RouteTestServer.problem(get("?limit=0"), 400, "invalid-limit").getString("field"));
        assertEquals("state", RouteTestServer.problem(get("?state=LOST"), 400, "invalid-state").getString("field"));

        principal = ADMIN;
        assertEquals(200, get("?department=a26").statusCode());
        assertEquals("list - A26 100", calls.get(calls.size() - 1));
        assertEquals(200, get("/2").statusCode(), "the hall sees every unit");
    }

    @Test
    void theStepsParseTheirBodiesAndRefusalsAreProblemsNamingTheField() throws Exception {
        HttpResponse<String> ok = post("/1/callback", "{\"justified\": true, \"callback\": \" 已回访 \"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("CALLED_BACK", new JsonObject(ok.body()).getString("state"));
        assertEquals(true, new JsonObject(ok.body()).getBoolean("justified"));
        assertEquals("callBack 1 true 已回访 dept.a17", calls.get(0));
        assertEquals("callback", RouteTestServer.problem(post("/1/callback", "{\"justified\": true}"), 400, "missing-field").getString("field"));
        assertEquals("justified", RouteTestServer.problem(post("/1/callback", "{\"justified\": \"yes\", \"callback\": \"x\"}"), 400, "invalid-field")
                .getString("field"));
        RouteTestServer.problem(post("/1/reply", "{\"reply\": \"已整改\"}"), 409, "illegal-transition");
        RouteTestServer.problem(post("/1/dispute", "{\"evidence\": \"录像\"}"), 409, "rating-justified");
        RouteTestServer.problem(post("/1/decision", "{\"upheld\": true, \"note\": \"误评\"}"), 403, "forbidden");
        assertEquals(1, calls.size(), "a unit's user does not decide");

        principal = ADMIN;
        assertEquals(200, post("/1/decision", "{\"upheld\": true, \"note\": \"误评\"}").statusCode());
        assertEquals("decide 1 true 误评", calls.get(1));
        assertEquals("note", RouteTestServer.problem(post("/1/response", "{\"satisfied\": true, \"note\": \"x\"}"), 400, "invalid-note").getString("field"));
    }

    @Test
    void figuresForAPeriodAndAUnitsUserGetsItsOwnRow() throws Exception {
        HttpResponse<String> r = get("/figures?from=2026-11-01&to=2026-11-30");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject doc = new JsonObject(r.body());
        assertEquals(1, doc.getJsonArray("figures").size());
        JsonObject a17 = doc.getJsonArray("figures").getJsonObject(0);
        assertEquals("A17", a17.getString("key"));
        assertEquals(15, a17.getInteger("effective"));
        assertEquals(0.8, a17.getDouble("ratingRate"));
        assertEquals(0.2, a17.getDouble("badShare"));
        assertEquals(0.667, a17.getDouble("onTimeRate"));
        assertEquals("figures 2026-11-01 2026-11-30", calls.get(0));
        assertEquals("from", RouteTestServer.problem(get("/figures?from=1.11.2026"), 400, "invalid-from").getString("field"));

        principal = ADMIN;
        assertEquals(3, new JsonObject(get("/figures?from=2026-11-01&to=2026-11-30").body()).getJsonArray("figures").size());
    }
}
