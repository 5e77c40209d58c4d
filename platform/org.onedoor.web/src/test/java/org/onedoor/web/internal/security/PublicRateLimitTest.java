package org.onedoor.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.SessionKind;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.internal.Fakes;
import org.onedoor.web.internal.HallHttpServer;
import org.onedoor.web.internal.MutableClock;
import org.onedoor.web.internal.TestConfigs;
import org.onedoor.web.internal.http.Json;

/**
 * The rate limit on the real Vert.x server, with a clock that stands still (no tokens come back):
 * a credential that does not authenticate is anonymous, a valid one has its user's own limit, a kiosk
 * its own, and the route's guard takes what the limit found instead of checking again.
 */
public class PublicRateLimitTest {

    private static final int PUBLIC = 5;
    private static final int USER = 8;
    private static final int KIOSK = 6;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Fakes.Sessions sessions = new Fakes.Sessions();
    private final Fakes.Audit audit = new Fakes.Audit();
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private HallHttpServer server;
    private int port;

    private final RouteContributor routes = router -> {
        router.post("/api/v1/tickets").handler(ctx -> Json.send(ctx, 201, Json.body(ctx)));
    };

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new HallHttpServer(TestConfigs.web(port, 4096));
        LoginGuard logins = new LoginGuard(audit, Fakes.users(Map.of("clerk1", new HallUser("clerk1", Set.of(HallRole.CLERK),
                Optional.empty(), false))), Fakes.throttle(), (user, password) -> {
                    passwordChecks.incrementAndGet();
                    return user.equals("clerk1") && password.equals("clerk1-Password")
                            ? Optional.of(new HallPrincipal("clerk1", Set.of("clerk"), Optional.empty())) : Optional.empty();
                }, () -> { });
        JaasWebAccess access = new JaasWebAccess(sessions, logins);
        server.addContributor(new PublicRateLimit(config(), sessions, logins, clock));
        server.addContributor(routes);
        server.addContributor(router -> router.get("/api/v1/secret").handler(access.requireAnyRole("clerk", "kiosk"))
                .handler(ctx -> Json.send(ctx, 200, new JsonObject().put("user", ctx.<String>get(org.onedoor.web.WebAccess.USER)))));
        sessions.add("clerk-token", SessionKind.API, new HallPrincipal("clerk1", Set.of("clerk"), Optional.empty()));
        sessions.add("kiosk-token", SessionKind.DEVICE, new HallPrincipal("kiosk1", Set.of("kiosk"), Optional.empty()));
        sessions.add("page-token", SessionKind.PAGE, new HallPrincipal("clerk2", Set.of("clerk"), Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static RateLimitConfig config() {
        return new RateLimitConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RateLimitConfig.class; }
            @Override public int publicBurst() { return PUBLIC; }
            @Override public int publicPerSecond() { return 1; }
            @Override public int userBurst() { return USER; }
            @Override public int userPerSecond() { return 1; }
            @Override public int kioskBurst() { return KIOSK; }
            @Override public int kioskPerSecond() { return 1; }
        };
    }

    private HttpResponse<String> ticket(String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"zone\":\"tax\"}"));
        if (header != null) {
            b.header(header, value);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> secret(String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/secret"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void limited(HttpResponse<String> r) {
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("rate-limited", new JsonObject(r.body()).getString("code"));
        assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCredentialThatDoesNotAuthenticateCountsAsAnonymous() throws Exception {
        for (int i = 0; i < PUBLIC; i++) {
            HttpResponse<String> r = ticket("Authorization", "Bearer not-a-token");
            assertEquals(201, r.statusCode(), r.body());
            assertEquals("tax", new JsonObject(r.body()).getString("zone"), "the body survives the token look-up");
        }
        limited(ticket("Authorization", "Bearer not-a-token"));
        limited(ticket("Authorization", ""));
        limited(ticket("Authorization", "Junk"));
        limited(ticket("Authorization", "Basic !!!"));
        limited(ticket("Cookie", "onedoor_session=not-a-session"));
        limited(ticket("Cookie", "onedoor_session=kiosk-token")); // a device token is no page session
        limited(ticket(null, null));
        assertTrue(audit.events.isEmpty(), "refused requests write no audit records: " + audit.events);
    }

    @Test
    void aSignedInUserHasItsOwnLimitWhateverItsAddressSent() throws Exception {
        for (int i = 0; i < PUBLIC; i++) {
            assertEquals(201, ticket(null, null).statusCode());
        }
        limited(ticket(null, null));
        for (int i = 0; i < USER / 2; i++) {
            assertEquals(201, ticket("Authorization", "Bearer clerk-token").statusCode());
            assertEquals(200, secret("Bearer clerk-token").statusCode());
        }
        HttpResponse<String> over = ticket("Authorization", "Bearer clerk-token");
        limited(over);
        assertTrue(over.body().contains("clerk1"), over.body());
        assertEquals(201, ticket("Cookie", "onedoor_session=page-token").statusCode(), "another user has its own allowance");
    }

    @Test
    void aKioskIsNotThrottledBecauseItsAddressSentAnonymousRequests() throws Exception {
        for (int i = 0; i < PUBLIC; i++) {
            ticket("Authorization", "Bearer not-a-token");
        }
        limited(ticket(null, null));
        for (int i = 0; i < KIOSK; i++) {
            assertEquals(201, ticket("Authorization", "Bearer kiosk-token").statusCode());
        }
        limited(ticket("Authorization", "Bearer kiosk-token"));
        assertEquals(201, ticket("Authorization", "Bearer clerk-token").statusCode(), "the kiosk's limit is its own");
    }

    @Test
    void theGuardTakesWhatTheLimitFoundInsteadOfCheckingAgain() throws Exception {
        assertEquals(200, secret("Bearer clerk-token").statusCode());
        assertEquals(1, sessions.finds.get(), "one session look-up per request");

        // HTTP Basic while the address has requests left: the limit checks no password; the guard checks it once
        assertEquals(200, secret(basic("clerk1", "clerk1-Password")).statusCode());
        assertEquals(201, ticket("Authorization", basic("clerk1", "wrong")).statusCode(), "a public route checks no password");
        assertEquals(1, passwordChecks.get());
        for (int i = 0; i < PUBLIC - 2; i++) {
            ticket(null, null);
        }
        limited(ticket(null, null));
        // beyond the address's allowance the limit checks the password, and the guard takes its result
        assertEquals(200, secret(basic("clerk1", "clerk1-Password")).statusCode());
        assertEquals(2, passwordChecks.get());
        assertEquals(201, ticket("Authorization", basic("clerk1", "clerk1-Password")).statusCode());
        limited(ticket("Authorization", basic("clerk1", "wrong")));
        limited(ticket("Authorization", basic("nobody", "wrong")));
    }

    @Test
    void aBasicUserThatSignedInRecentlyCountsAgainstItsUserNotItsAddress() throws Exception {
        assertEquals(200, secret(basic("clerk1", "clerk1-Password")).statusCode());
        for (int i = 0; i < USER / 2; i++) {
            assertEquals(200, secret(basic("clerk1", "clerk1-Password")).statusCode());
        }
        assertEquals(1 + USER / 2, passwordChecks.get(), "the guard still checks every password");
        for (int i = 0; i < PUBLIC - 1; i++) {
            assertEquals(201, ticket(null, null).statusCode(), "the signed-in user's requests took nothing of the address's allowance");
        }
        limited(ticket(null, null));
        assertEquals(200, secret(basic("clerk1", "clerk1-Password")).statusCode(), "its own allowance, not the address's");
    }
}
