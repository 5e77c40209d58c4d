package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.RouteContributor;
import org.onedoor.web.WebAccess;

/**
 * The real HTTP server of the node on a free port of 127.0.0.1 with the routes under test, and a
 * client of it: what the route tests share. Closing it stops the server.
 */
public final class RouteTestServer implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final HallHttpServer server;
    private final int port;

    private RouteTestServer(int port, long maxBodyBytes) throws Exception {
        this.port = port;
        this.server = new HallHttpServer(TestConfigs.web(port, maxBodyBytes));
    }

    /** Starts the server (bodies up to 64 KiB) with the routes. */
    public static RouteTestServer start(RouteContributor... routes) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RouteTestServer server = new RouteTestServer(port, 65536);
        for (RouteContributor r : routes) {
            server.server.addContributor(r);
        }
        return server;
    }

    /**
     * @return the web access of a signed-in caller: the principal of the moment is let in when it
     *         holds one of the roles, else refused with 403 {@code forbidden}; none (null) is refused
     *         with 401 {@code unauthenticated}
     */
    public static WebAccess signedIn(Supplier<HallPrincipal> principal) {
        return new WebAccess() {
            @Override
            public Handler<RoutingContext> requireAnyRole(String... roles) {
                return ctx -> {
                    HallPrincipal p = principal.get();
                    if (p == null) {
                        ctx.fail(new ProblemException(401, "unauthenticated", "Unauthenticated", "sign in"));
                        return;
                    }
                    if (!p.holdsAny(Set.of(roles))) {
                        ctx.fail(new ProblemException(403, "forbidden", "Forbidden", "role"));
                        return;
                    }
                    ctx.put(WebAccess.USER, p.user());
                    ctx.put(WebAccess.PRINCIPAL, p);
                    ctx.next();
                };
            }
        };
    }

    public int port() {
        return port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<byte[]> bytes(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** @return a request to the path (with its query) on this server, to finish and {@link #send} */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return the answer's problem document (RFC 9457), once its status and code are the expected ones */
    public static JsonObject problem(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
        JsonObject doc = new JsonObject(r.body());
        assertEquals(code, doc.getString("code"), r.body());
        return doc;
    }

    @Override
    public void close() {
        server.stop();
    }
}
