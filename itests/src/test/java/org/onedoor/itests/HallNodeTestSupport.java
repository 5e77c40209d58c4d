package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * What the tests of one booted hall node share: the node's options (the real distribution, see
 * {@link HallNodeOptions#node()}; a test of other options overrides {@link #config()}), an HTTP
 * client on the node's web port, and the checks of an answer.
 */
public abstract class HallNodeTestSupport {

    /** A client of the node's HTTP port, made before each test. */
    protected Http http;
    /** The node's HTTP port. */
    protected int port;

    @Configuration
    public Option[] config() throws Exception {
        return HallNodeOptions.node();
    }

    @Before
    public void connectToTheNode() throws Exception {
        port = HallNodeOptions.webPort();
        http = new Http(port);
    }

    /** @return the answer's JSON body, once its status is the expected one */
    protected static JsonObject ok(HttpResponse<String> r, int status) {
        assertEquals(r.body(), status, r.statusCode());
        return new JsonObject(r.body());
    }

    /** @return the answer's problem document (RFC 9457), once its status and code are the expected ones */
    protected static JsonObject problem(HttpResponse<String> r, int status, String code) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject doc = new JsonObject(r.body());
        assertEquals(r.body(), code, doc.getString("code"));
        return doc;
    }

    /** Checks that the answer is a problem document of the status and code. */
    protected static void assertProblem(HttpResponse<String> r, int status, String code) {
        problem(r, status, code);
    }

    /** @return the JSON of a GET that must answer 200 */
    protected JsonObject json(String path) throws Exception {
        return ok(http.get(path), 200);
    }
}
