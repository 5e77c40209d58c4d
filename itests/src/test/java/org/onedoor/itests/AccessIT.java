package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.onedoor.itests.HallNodeOptions.ADMIN;
import static org.onedoor.itests.HallNodeOptions.ADMIN_PW;
import static org.onedoor.itests.HallNodeOptions.OPERATOR;
import static org.onedoor.itests.HallNodeOptions.OPERATOR_PW;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * Who may do what on the real node: users managed over HTTP and from the console in the one
 * JAAS realm, kept in the hall database (passwords only as PBKDF2 hashes), the users file moved in
 * on the first start, 401 and 403 as problem documents.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AccessIT extends HallNodeTestSupport {

    private static final String USERS = "/api/v1/admin/users";

    @Inject
    private SessionFactory sessions;

    @Inject
    @Filter("(onedoor.datasource=hall)")
    private DataSource hallDatabase;

    @Before
    public void awaitUsers() throws Exception {
        await("the user API answers the admin", () -> {
            try {
                return http.getAs(USERS, ADMIN, ADMIN_PW).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void anAdminCreatesChangesResetsAndDisablesAUser() throws Exception {
        HttpResponse<String> created = http.postJsonAs(USERS,
                "{\"username\":\"it.window7\",\"password\":\"first-Password-1\",\"roles\":[\"clerk\"]}", ADMIN, ADMIN_PW);
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals(new JsonArray().add("clerk"), new JsonObject(created.body()).getJsonArray("roles"));

        problem(http.getAs(USERS, "it.window7", "first-Password-1"), 403, "forbidden");
        problem(http.getAs(USERS, "it.window7", "wrong-Password-1"), 401, "unauthenticated");

        HttpResponse<String> roles = http.putJson(USERS + "/it.window7/roles", "{\"roles\":[\"department\"],\"department\":\"A17\"}", ADMIN, ADMIN_PW);
        assertEquals(roles.body(), 200, roles.statusCode());
        JsonObject changed = new JsonObject(roles.body());
        assertEquals(new JsonArray().add("department"), changed.getJsonArray("roles"));
        assertEquals("A17", changed.getString("department"));
        JsonObject read = new JsonObject(http.getAs(USERS + "/it.window7", ADMIN, ADMIN_PW).body());
        assertEquals("A17", read.getString("department"));

        HttpResponse<String> reset = http.postJsonAs(USERS + "/it.window7/password", "{\"password\":\"second-Password-2\"}", ADMIN, ADMIN_PW);
        assertEquals(reset.body(), 200, reset.statusCode());
        problem(http.getAs(USERS, "it.window7", "first-Password-1"), 401, "unauthenticated");
        problem(http.getAs(USERS, "it.window7", "second-Password-2"), 403, "forbidden");

        HttpResponse<String> disabled = http.postJsonAs(USERS + "/it.window7/disable", "{}", ADMIN, ADMIN_PW);
        assertEquals(disabled.body(), 200, disabled.statusCode());
        JsonObject gone = new JsonObject(disabled.body());
        assertTrue(gone.getBoolean("disabled"));
        assertTrue(gone.getJsonArray("roles").isEmpty());
        problem(http.getAs(USERS, "it.window7", "second-Password-2"), 401, "unauthenticated");

        JsonArray all = new JsonObject(http.getAs(USERS, ADMIN, ADMIN_PW).body()).getJsonArray("users");
        assertTrue(all.encode(), all.stream().map(o -> ((JsonObject) o).getString("username")).anyMatch("it.window7"::equals));
        assertTrue(all.encode(), all.stream().map(o -> ((JsonObject) o).getString("username")).noneMatch(n -> n.startsWith("_g_")));
        JsonObject clerk = all.stream().map(JsonObject.class::cast).filter(u -> u.getString("username").equals(HallNodeOptions.CLERK)).findFirst().orElseThrow();
        assertEquals("the shipped users keep their roles", new JsonArray().add("clerk"), clerk.getJsonArray("roles"));
    }

    @Test
    public void onlyAdminsReachTheUserApi() throws Exception {
        JsonObject anonymous = problem(http.get(USERS), 401, "unauthenticated");
        assertTrue(anonymous.getString("detail"), anonymous.getString("detail").contains("sign in"));
        assertTrue(http.get(USERS).headers().firstValue("WWW-Authenticate").isPresent());
        problem(http.getAs(USERS, OPERATOR, OPERATOR_PW), 403, "forbidden");
        problem(http.postJsonAs(USERS, "{\"username\":\"it.sneaky\",\"password\":\"sneaky-Password-1\",\"roles\":[\"admin\"]}",
                OPERATOR, OPERATOR_PW), 403, "forbidden");
        problem(http.getAs(USERS + "/it.sneaky", ADMIN, ADMIN_PW), 404, "unknown-user");
    }

    @Test
    public void badUserInputIsRefusedWithAReason() throws Exception {
        String[][] cases = {
            {"{\"username\":\"it.bad1\",\"password\":\"short\",\"roles\":[\"clerk\"]}", "12 to 128"},
            {"{\"username\":\"It Bad\",\"password\":\"long-enough-Pw-1\",\"roles\":[\"clerk\"]}", "user name"},
            {"{\"username\":\"it.bad2\",\"password\":\"long-enough-Pw-1\",\"roles\":[\"wizard\"]}", "unknown role"},
            {"{\"username\":\"it.bad3\",\"password\":\"long-enough-Pw-1\",\"roles\":[]}", "at least one role"},
            {"{\"username\":\"it.bad4\",\"password\":\"long-enough-Pw-1\",\"roles\":[\"department\"]}", "needs the department"},
            {"{\"username\":\"it.bad5\",\"password\":\"long-enough-Pw-1\",\"roles\":[\"department\"],\"department\":\"Z99\"}", "no department"},
            {"{\"username\":\"it.bad6\",\"password\":\"long,enough-Pw-1\",\"roles\":[\"clerk\"]}", "','"},
            {"{\"username\":\"it.bad7\",\"roles\":[\"clerk\"]}", "password"},
        };
        for (String[] c : cases) {
            JsonObject doc = problem(http.postJsonAs(USERS, c[0], ADMIN, ADMIN_PW), 400, "invalid-user");
            assertTrue(c[0] + " -> " + doc.getString("detail"), doc.getString("detail").contains(c[1]));
        }
        problem(http.postJsonAs(USERS, "{not json", ADMIN, ADMIN_PW), 400, "malformed-json");
        problem(http.postJsonAs(USERS, "{\"username\":\"admin\",\"password\":\"long-enough-Pw-1\",\"roles\":[\"clerk\"]}",
                ADMIN, ADMIN_PW), 409, "user-exists");
        JsonArray names = new JsonObject(http.getAs(USERS, ADMIN, ADMIN_PW).body()).getJsonArray("users");
        assertTrue(names.encode(), names.stream().map(o -> ((JsonObject) o).getString("username")).noneMatch(n -> n.startsWith("it.bad")));
    }

    @Test
    public void passwordsAreStoredOnlyAsSaltedPbkdf2HashesInTheHallDatabase() throws Exception {
        assertEquals(201, http.postJsonAs(USERS,
                "{\"username\":\"it.hashed\",\"password\":\"visible-Password-9\",\"roles\":[\"kiosk\"]}", ADMIN, ADMIN_PW).statusCode());
        try (Connection c = hallDatabase.getConnection();
                PreparedStatement user = c.prepareStatement("SELECT password_hash, disabled FROM hall_user WHERE user_name = ?");
                PreparedStatement roles = c.prepareStatement("SELECT realm_role FROM hall_user_role WHERE user_name = ?")) {
            user.setString(1, "it.hashed");
            try (ResultSet rs = user.executeQuery()) {
                assertTrue("it.hashed is a row of hall_user", rs.next());
                String hash = rs.getString("password_hash");
                assertFalse(hash, hash.contains("visible-Password-9"));
                assertTrue(hash, hash.matches("pbkdf2-sha256:120000:[A-Za-z0-9+/]{22}:[A-Za-z0-9+/]{43}"));
                assertFalse(rs.getBoolean("disabled"));
            }
            roles.setString(1, "it.hashed");
            Set<String> held = new java.util.HashSet<>();
            try (ResultSet rs = roles.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString("realm_role"));
                }
            }
            assertEquals(Set.of("kiosk"), held);
        }
        String file = Files.readString(Path.of(System.getProperty("karaf.etc"), "users.properties"));
        assertFalse("a user added over the API is not written to users.properties", file.contains("it.hashed"));
        assertFalse(file.contains("visible-Password-9"));
        assertEquals(403, http.getAs(USERS, "it.hashed", "visible-Password-9").statusCode());
    }

    @Test
    public void theUsersFileMovedIntoTheHallDatabaseAndKeepsOnlyTheFirstStartAdmin() throws Exception {
        String file = Files.readString(Path.of(System.getProperty("karaf.etc"), "users.properties"));
        java.util.Properties lines = new java.util.Properties();
        lines.load(new java.io.StringReader(file));
        Set<String> users = new java.util.HashSet<>(lines.stringPropertyNames());
        users.removeIf(n -> n.startsWith("_g_:"));
        assertEquals(file, Set.of(ADMIN), users);
        assertTrue(file, lines.getProperty(ADMIN).startsWith("{CRYPT}pbkdf2-sha256:"));
        try (Connection c = hallDatabase.getConnection();
                PreparedStatement department = c.prepareStatement("SELECT department FROM hall_user WHERE user_name = ?")) {
            department.setString(1, HallNodeOptions.DEPARTMENT_A17);
            try (ResultSet rs = department.executeQuery()) {
                assertTrue("the file's department user is a row of hall_user", rs.next());
                assertEquals("A17", rs.getString("department"));
            }
        }
        assertFalse("a user moved from the file signs in with its password", token(OPERATOR, OPERATOR_PW).isEmpty());
    }

    @Test
    public void theConsoleManagesTheSameUsersAndOnlyForAdmins() throws Exception {
        String out = console("onedoor:user-add --password console-Password-1 it.console supervisor", "admin");
        assertTrue(out, out.contains("it.console") && out.contains("supervisor"));
        assertEquals(403, http.getAs(USERS, "it.console", "console-Password-1").statusCode());
        JsonObject read = new JsonObject(http.getAs(USERS + "/it.console", ADMIN, ADMIN_PW).body());
        assertEquals(new JsonArray().add("supervisor").add("viewer"), read.getJsonArray("roles"));

        String generated = console("onedoor:user-add --department A26 it.generated department", "admin");
        String password = generated.substring(generated.indexOf("shown only now): ") + 17).trim();
        assertEquals(generated, 20, password.length());
        assertEquals(403, http.getAs(USERS, "it.generated", password).statusCode());

        String list = console("onedoor:users", "admin");
        assertTrue(list, list.contains("it.console") && list.contains("A26") && list.contains(OPERATOR));
        console("onedoor:user-roles it.console operator", "admin");
        assertEquals(200, http.post("/api/v1/zones/police/enable", "it.console", "console-Password-1").statusCode());
        console("onedoor:user-disable it.console", "admin");
        assertEquals(401, http.getAs(USERS, "it.console", "console-Password-1").statusCode());

        for (String command : new String[] {"onedoor:users", "onedoor:user-add it.op x", "onedoor:user-password admin",
                "onedoor:user-roles admin viewer", "onedoor:user-disable admin"}) {
            try {
                console(command, "operator", "viewer");
                fail(command + " must be refused for an operator");
            } catch (Exception e) {
                assertTrue(command + ": " + e, e.toString().contains("Insufficient credentials") || e.toString().contains("not found"));
            }
        }
        try {
            console("onedoor:user-add it.bad department", "admin");
            fail("a department user without a department must be refused");
        } catch (Exception expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("needs the department"));
        }
    }

    private String token(String user, String password) throws Exception {
        HttpResponse<String> r = http.postJson("/api/v1/auth/login", new JsonObject().put("username", user).put("password", password).encode());
        assertEquals(r.body(), 200, r.statusCode());
        JsonObject answer = new JsonObject(r.body());
        assertEquals("Bearer", answer.getString("tokenType"));
        return answer.getString("token");
    }

    private HttpResponse<String> bearer(String method, String path, String token) throws Exception {
        return http.request(method, path, method.equals("GET") ? null : "{}", "Authorization", "Bearer " + token);
    }

    @Test
    public void aBearerTokenWorksUntilLogout() throws Exception {
        String token = token(ADMIN, ADMIN_PW);
        assertEquals(200, bearer("GET", USERS, token).statusCode());
        JsonObject me = new JsonObject(bearer("GET", "/api/v1/auth/me", token).body());
        assertEquals(ADMIN, me.getString("username"));
        assertTrue(me.encode(), me.getJsonArray("roles").contains("admin"));

        assertEquals(204, bearer("POST", "/api/v1/auth/logout", token).statusCode());
        JsonObject gone = problem(bearer("GET", USERS, token), 401, "unauthenticated");
        assertTrue(gone.getString("detail"), gone.getString("detail").contains("revoked"));
        problem(bearer("GET", USERS, "made-up-token"), 401, "unauthenticated");

        problem(http.postJson("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"wrong-Password-0\"}"), 401, "login-failed");
        problem(http.postJson("/api/v1/auth/login", "{\"username\":\"admin\"}"), 400, "invalid-login");
        problem(http.postJson("/api/v1/auth/login", "{oops"), 400, "malformed-json");
    }

    @Test
    public void aDepartmentTokenCarriesTheDepartmentAndEndsWhenRolesChange() throws Exception {
        assertEquals(201, http.postJsonAs(USERS, "{\"username\":\"it.tokened\",\"password\":\"tokened-Password-1\","
                + "\"roles\":[\"department\"],\"department\":\"A15\"}", ADMIN, ADMIN_PW).statusCode());
        String token = token("it.tokened", "tokened-Password-1");
        JsonObject me = new JsonObject(bearer("GET", "/api/v1/auth/me", token).body());
        assertEquals("A15", me.getString("department"));
        problem(bearer("GET", USERS, token), 403, "forbidden");
        assertEquals(200, http.putJson(USERS + "/it.tokened/roles", "{\"roles\":[\"kiosk\"]}", ADMIN, ADMIN_PW).statusCode());
        problem(bearer("GET", "/api/v1/auth/me", token), 401, "unauthenticated");
        assertEquals(new JsonArray().add("kiosk"), new JsonObject(http.getAs(USERS + "/it.tokened", ADMIN, ADMIN_PW).body()).getJsonArray("roles"));
        assertEquals(200, http.putJson(USERS + "/it.tokened/roles", "{\"roles\":[\"department\"],\"department\":\"A26\"}", ADMIN, ADMIN_PW).statusCode());
        JsonObject again = new JsonObject(http.getAs(USERS + "/it.tokened", ADMIN, ADMIN_PW).body());
        assertEquals(new JsonArray().add("department"), again.getJsonArray("roles"));
        assertEquals("A26", again.getString("department"));
    }

    @Test
    public void aPageSessionIsAnHttpOnlyCookieAndChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> login = http.postJson("/api/v1/auth/page-login",
                new JsonObject().put("username", OPERATOR).put("password", OPERATOR_PW).encode());
        assertEquals(login.body(), 200, login.statusCode());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie, setCookie.startsWith("onedoor_session="));
        for (String attribute : new String[] {"httponly", "secure", "samesite=strict", "path=/"}) {
            assertTrue(setCookie, setCookie.toLowerCase(java.util.Locale.ROOT).contains("; " + attribute));
        }
        assertFalse(login.body(), new JsonObject(login.body()).containsKey("token"));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = new JsonObject(login.body()).getString("csrfToken");

        assertEquals(200, http.request("GET", "/api/v1/auth/me", null, "Cookie", cookie).statusCode());
        problem(http.request("POST", "/api/v1/zones/police/enable", null, "Cookie", cookie), 403, "csrf-token-invalid");
        problem(http.request("POST", "/api/v1/zones/police/enable", null, "Cookie", cookie, "X-CSRF-Token", "guess"), 403, "csrf-token-invalid");
        HttpResponse<String> ok = http.request("POST", "/api/v1/zones/police/enable", null, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(ok.body(), 200, ok.statusCode());

        problem(http.request("POST", "/api/v1/auth/logout", "{}", "Cookie", cookie), 403, "csrf-token-invalid");
        HttpResponse<String> out = http.request("POST", "/api/v1/auth/logout", "{}", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(204, out.statusCode());
        assertTrue(out.headers().firstValue("Set-Cookie").orElse(""), out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
        problem(http.request("GET", "/api/v1/auth/me", null, "Cookie", cookie), 401, "unauthenticated");
    }

    @Test
    public void kiosksGetDeviceTokensFromAnAdminOnly() throws Exception {
        String body = "{\"username\":\"" + HallNodeOptions.KIOSK + "\"}";
        problem(http.postJsonAs("/api/v1/admin/device-tokens", body, OPERATOR, OPERATOR_PW), 403, "forbidden");
        HttpResponse<String> issued = http.postJsonAs("/api/v1/admin/device-tokens", body, ADMIN, ADMIN_PW);
        assertEquals(issued.body(), 201, issued.statusCode());
        JsonObject device = new JsonObject(issued.body());
        assertTrue(device.getString("expiresAt"), device.getString("expiresAt").compareTo(java.time.Instant.now().plus(java.time.Duration.ofDays(300)).toString()) > 0);
        JsonObject me = new JsonObject(bearer("GET", "/api/v1/auth/me", device.getString("token")).body());
        assertEquals(new JsonArray().add("kiosk"), me.getJsonArray("roles"));
        problem(bearer("POST", "/api/v1/zones/police/enable", device.getString("token")), 403, "forbidden");
        problem(http.postJsonAs("/api/v1/admin/device-tokens", "{\"username\":\"" + OPERATOR + "\"}", ADMIN, ADMIN_PW), 400, "invalid-device");
        problem(http.postJsonAs("/api/v1/admin/device-tokens", "{\"username\":\"nobody.here\"}", ADMIN, ADMIN_PW), 404, "unknown-user");
    }

    private static String cancel(String code) {
        String nextYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1).toString();
        return "{\"kind\": \"CANCEL\", \"code\": \"" + code + "\", \"effectiveDate\": \"" + nextYear + "\", \"reason\": \"访问范围测试\"}";
    }

    @Test
    public void aDepartmentUserFilesAndSeesOnlyItsOwnDepartmentsAdjustments() throws Exception {
        String a17 = HallNodeOptions.DEPARTMENT_A17;
        String a26 = HallNodeOptions.DEPARTMENT_A26;
        String pw = HallNodeOptions.ROLE_PW;
        HttpResponse<String> own = http.postJsonAs("/api/v1/matter-changes", cancel("A17-003"), a17, pw);
        assertEquals(own.body(), 201, own.statusCode());
        long id = new JsonObject(own.body()).getLong("id");

        JsonObject foreign = problem(http.postJsonAs("/api/v1/matter-changes", cancel("A26-002"), a17, pw), 403, "out-of-department");
        assertTrue(foreign.getString("detail"), foreign.getString("detail").contains("A17") && foreign.getString("detail").contains("A26"));
        String nextYear = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1).toString();
        String addForeign = "{\"kind\": \"ADD\", \"code\": \"A26-901\", \"effectiveDate\": \"" + nextYear + "\", \"reason\": \"越权\","
                + " \"matter\": {\"code\": \"A26-901\", \"departmentId\": \"A26\", \"nameZh\": \"越权事项\", \"type\": \"PUBLIC_SERVICE\","
                + " \"statutoryDays\": 1, \"committedDays\": 0, \"immediate\": true}}";
        problem(http.postJsonAs("/api/v1/matter-changes", addForeign, a17, pw), 403, "out-of-department");
        problem(http.postJsonAs("/api/v1/matter-changes", cancel("A17-004"), HallNodeOptions.CLERK, pw), 403, "forbidden");

        assertTrue(http.getAs("/api/v1/matter-changes", a17, pw).body().contains("\"id\":" + id));
        assertFalse(http.getAs("/api/v1/matter-changes", a26, pw).body().contains("\"id\":" + id));
        assertTrue(http.getAs("/api/v1/matter-changes", OPERATOR, OPERATOR_PW).body().contains("\"id\":" + id));
        problem(http.postJsonAs("/api/v1/matter-changes/" + id + "/confirm", "{}", a17, pw), 403, "forbidden");

        HttpResponse<String> operatorFiles = http.postJsonAs("/api/v1/matter-changes", cancel("A26-001"), OPERATOR, OPERATOR_PW);
        assertEquals(operatorFiles.body(), 201, operatorFiles.statusCode());
        HttpResponse<String> rejected = http.postJsonAs("/api/v1/matter-changes/" + id + "/reject", "{\"reason\":\"测试\"}", OPERATOR, OPERATOR_PW);
        assertEquals(rejected.body(), 200, rejected.statusCode());
    }

    private JsonArray audit(String query) throws Exception {
        HttpResponse<String> r = http.getAs("/api/v1/admin/audit" + query, HallNodeOptions.SUPERVISOR, HallNodeOptions.ROLE_PW);
        assertEquals(r.body(), 200, r.statusCode());
        return new JsonObject(r.body()).getJsonArray("records");
    }

    private static boolean has(JsonArray records, String action, String actor, String target, String outcome) {
        return records.stream().map(JsonObject.class::cast).anyMatch(r -> r.getString("action").equals(action)
                && r.getString("actor").equals(actor) && r.getString("target").contains(target) && r.getString("outcome").equals(outcome));
    }

    @Test
    public void signInsAndPrivilegedActionsAreInTheAuditTrail() throws Exception {
        http.postJson("/api/v1/auth/login", "{\"username\":\"it.nobody\",\"password\":\"guessed-Password-1\"}");
        http.getAs("/api/v1/zones/police", "it.nobody2", "guessed-Password-2");
        http.getAs(USERS, "it.nobody3", "guessed-Password-3");
        token(OPERATOR, OPERATOR_PW);
        assertEquals(200, http.post("/api/v1/zones/social-affairs/disable", OPERATOR, OPERATOR_PW).statusCode());
        assertEquals(200, http.post("/api/v1/zones/social-affairs/enable", OPERATOR, OPERATOR_PW).statusCode());
        assertEquals(403, http.post("/api/v1/zones/social-affairs/disable", HallNodeOptions.CLERK, HallNodeOptions.ROLE_PW).statusCode());
        assertEquals(201, http.postJsonAs(USERS, "{\"username\":\"it.audited\",\"password\":\"audited-Password-1\",\"roles\":[\"approver\"]}",
                ADMIN, ADMIN_PW).statusCode());
        console("onedoor:zone-disable tax", "operator", "viewer");
        console("onedoor:zone-enable tax", "operator", "viewer");

        await("the audit records are written", () -> has(audit("?limit=1000"), "zone-enable", "it-user", "tax", "success"));
        JsonArray records = audit("?limit=1000");
        assertTrue(records.encode(), has(records, "login", "it.nobody", "it.nobody", "failure"));
        assertTrue(records.encode(), has(records, "login", "it.nobody3", "it.nobody3", "failure"));
        assertTrue(records.encode(), has(records, "login", OPERATOR, OPERATOR, "success"));
        assertTrue(records.encode(), has(records, "zone-disable", OPERATOR, "/api/v1/zones/social-affairs/disable", "success"));
        assertTrue(records.encode(), has(records, "zone-enable", OPERATOR, "/api/v1/zones/social-affairs/enable", "success"));
        assertTrue(records.encode(), has(records, "zone-disable", HallNodeOptions.CLERK, "social-affairs", "refused"));
        assertTrue(records.encode(), has(records, "user-create", ADMIN, "it.audited", "success"));
        assertTrue(records.encode(), has(records, "zone-disable", "it-user", "tax", "success"));
        JsonObject zoneOff = records.stream().map(JsonObject.class::cast)
                .filter(r -> r.getString("action").equals("zone-disable") && r.getString("actor").equals(OPERATOR)).findFirst().orElseThrow();
        assertEquals("127.0.0.1", zoneOff.getString("origin"));
        assertTrue(zoneOff.getString("at"), zoneOff.getString("at").startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        assertFalse(records.encode(), records.encode().contains("guessed-Password"));
        assertFalse(records.encode(), records.encode().contains("audited-Password"));

        JsonArray logins = audit("?action=login&actor=it.nobody");
        assertEquals(logins.encode(), 1, logins.size());
        problem(http.getAs("/api/v1/admin/audit", OPERATOR, OPERATOR_PW), 403, "forbidden");
        problem(http.get("/api/v1/admin/audit"), 401, "unauthenticated");
        problem(http.getAs("/api/v1/admin/audit?limit=0", ADMIN, ADMIN_PW), 400, "invalid-limit");

        HttpResponse<String> verified = http.getAs("/api/v1/admin/audit/verify", HallNodeOptions.SUPERVISOR, HallNodeOptions.ROLE_PW);
        assertEquals(verified.body(), 200, verified.statusCode());
        JsonObject chain = new JsonObject(verified.body());
        assertTrue(verified.body(), chain.getBoolean("intact"));
        assertTrue(verified.body(), chain.getLong("checked") >= records.size());
        assertFalse(records.getJsonObject(0).getString("node").isEmpty());
        String out = console("onedoor:audit-verify", "admin");
        assertTrue(out, out.contains("审计链完整") && out.contains("Audit trail intact"));
    }

    @Test
    public void aClerkActsOnlyAtTheWindowItSignedInTo() throws Exception {
        String clerk = HallNodeOptions.CLERK;
        String pw = HallNodeOptions.ROLE_PW;
        String other = "it.clerk2";
        String otherPw = "clerk2-Password-1";
        assertEquals(201, http.postJsonAs(USERS, "{\"username\":\"" + other + "\",\"password\":\"" + otherPw + "\",\"roles\":[\"clerk\"]}",
                ADMIN, ADMIN_PW).statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/windows/20/sign-in", "{}", clerk, pw).statusCode());
        JsonObject held = problem(http.postJsonAs("/api/v1/windows/20/sign-in", "{}", other, otherPw), 409, "window-held");
        assertTrue(held.encode(), held.getString("detail").contains(clerk));
        for (String action : List.of("call-next", "recall", "no-show", "start", "complete", "pause", "sign-out")) {
            problem(http.postJsonAs("/api/v1/windows/20/" + action, "{}", other, otherPw), 403, "not-your-window");
        }
        problem(http.postJsonAs("/api/v1/windows/20/transfer", "{\"zone\":\"tax\"}", other, otherPw), 403, "not-your-window");
        assertEquals(200, http.postJsonAs("/api/v1/windows/20/call-next", "{}", clerk, pw).statusCode());
        try {
            console("onedoor:call-next 20", "clerk");
            fail("a console clerk called to a window held by " + clerk);
        } catch (Exception e) {
            assertTrue(e.getMessage(), String.valueOf(e.getMessage()).contains("held by " + clerk));
        }
        try {
            console("onedoor:call-next 20", "operator");
        } catch (Exception e) {
            assertFalse("an operator calls to any window: " + e.getMessage(), String.valueOf(e.getMessage()).contains("held by"));
        }

        assertEquals(200, http.postJsonAs("/api/v1/windows/20/sign-out", "{}", OPERATOR, OPERATOR_PW).statusCode());
        assertEquals(200, http.postJsonAs("/api/v1/windows/20/sign-in", "{}", other, otherPw).statusCode());
        problem(http.postJsonAs("/api/v1/windows/20/call-next", "{}", clerk, pw), 403, "not-your-window");
        assertEquals(200, http.postJsonAs("/api/v1/windows/20/sign-out", "{}", other, otherPw).statusCode());
    }

    @Test
    public void guessingAPasswordIsSlowedEvenWhenTheRightOneComesLater() throws Exception {
        assertEquals(201, http.postJsonAs(USERS, "{\"username\":\"it.brute\",\"password\":\"brute-Password-1\",\"roles\":[\"clerk\"]}",
                ADMIN, ADMIN_PW).statusCode());
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(http.postJson("/api/v1/auth/login", "{\"username\":\"it.brute\",\"password\":\"guess-" + i + "\"}").statusCode());
        }
        int firstThrottled = statuses.indexOf(429);
        assertEquals(statuses.toString(), 5, firstThrottled);
        assertTrue(statuses.toString(), statuses.subList(0, 5).stream().allMatch(st -> st == 401));
        assertTrue(statuses.toString(), statuses.subList(5, 8).stream().allMatch(st -> st == 429));

        HttpResponse<String> right = http.postJson("/api/v1/auth/login", "{\"username\":\"it.brute\",\"password\":\"brute-Password-1\"}");
        JsonObject doc = problem(right, 429, "login-throttled");
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(doc.getString("detail"), retryAfter >= 1);
        problem(http.getAs("/api/v1/auth/me", "it.brute", "brute-Password-1"), 429, "login-throttled");
        assertEquals("another user is not slowed", 200, http.getAs("/api/v1/auth/me", OPERATOR, OPERATOR_PW).statusCode());

        Thread.sleep(retryAfter * 1000 + 200);
        HttpResponse<String> after = http.postJson("/api/v1/auth/login", "{\"username\":\"it.brute\",\"password\":\"brute-Password-1\"}");
        assertEquals(after.body(), 200, after.statusCode());
        await("the refused attempts are audited", () -> has(audit("?action=login&actor=it.brute"), "login", "it.brute", "it.brute", "refused"));
    }

    @Test
    public void anonymousFloodsGet429WithRetryAfterWhileSignedInCallersPass() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + HallNodeOptions.webPort() + "/api/v1/health");
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            flood.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int limited = 0;
        for (java.util.concurrent.CompletableFuture<HttpResponse<String>> f : flood) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                problem(r, 429, "rate-limited");
                assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()) >= 1);
                limited++;
            }
        }
        assertTrue("200s: " + ok, ok >= 100);
        assertTrue("429s: " + limited, limited > 0);
        assertEquals(200, http.getAs("/api/v1/health", OPERATOR, OPERATOR_PW).statusCode());
        await("the address may ask again", () -> http.get("/api/v1/health").statusCode() == 200);
        Thread.sleep(6000);
    }

    @Test
    public void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> r : java.util.List.of(http.get("/api/v1/health"), http.get("/api/v1/no-such-thing"), http.get(USERS),
                http.getAs(USERS, ADMIN, ADMIN_PW))) {
            String where = r.uri() + " " + r.statusCode();
            assertEquals(where, "DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(where, r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertEquals(where, "no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
            assertEquals(where, "no-store", r.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(where, "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    public void oversizedAndMalformedRequestsAreRefusedAndChangeNothing() throws Exception {
        int offered = new JsonObject(http.get("/api/v1/departments").body()).getInteger("offeredMatters");
        String files = http.getAs("/api/v1/catalog/files", OPERATOR, OPERATOR_PW).body();
        String years = http.get("/api/v1/calendar/years").body();
        String awaiting = http.getAs("/api/v1/matter-changes", OPERATOR, OPERATOR_PW).body();

        String big = "{\"format\":\"onedoor-catalog/1\",\"pad\":\"" + "x".repeat(1_200_000) + "\"}";
        problem(http.putJson("/api/v1/catalog/files/it-big.json", big, OPERATOR, OPERATOR_PW), 413, "body-too-large");
        refused400(http.putJson("/api/v1/catalog/files/it-bad.json", "{\"format\": ", OPERATOR, OPERATOR_PW));
        problem(http.postJsonAs("/api/v1/matter-changes", "{\"kind\": \"CANCEL\", \"code\": ", OPERATOR, OPERATOR_PW), 400, "malformed-json");
        problem(http.postJsonAs("/api/v1/matter-changes", "[1, 2, 3]", OPERATOR, OPERATOR_PW), 400, "malformed-json");
        refused400(http.putJson("/api/v1/calendar/years/2031", "\u0000\u0001 not json", OPERATOR, OPERATOR_PW));
        problem(http.postJsonAs(USERS, big, ADMIN, ADMIN_PW), 413, "body-too-large");

        assertEquals(offered, (int) new JsonObject(http.get("/api/v1/departments").body()).getInteger("offeredMatters"));
        assertEquals(files, http.getAs("/api/v1/catalog/files", OPERATOR, OPERATOR_PW).body());
        assertEquals(years, http.get("/api/v1/calendar/years").body());
        assertEquals(awaiting, http.getAs("/api/v1/matter-changes", OPERATOR, OPERATOR_PW).body());
        assertEquals(404, http.getAs(USERS + "/" + "x".repeat(10), ADMIN, ADMIN_PW).statusCode());
    }

    private static void refused400(HttpResponse<String> r) {
        assertEquals(r.body(), 400, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    }

    /** One endpoint group of the access matrix: a request and the roles that may make it. */
    private record Group(String method, String path, Set<String> allowed) {
    }

    @Test
    public void theAccessMatrixHoldsForEveryRoleAndEndpointGroup() throws Exception {
        String pw = HallNodeOptions.ROLE_PW;
        Map<String, String[]> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("admin", new String[] {ADMIN, ADMIN_PW});
        callers.put("operator", new String[] {OPERATOR, OPERATOR_PW});
        callers.put("technician", new String[] {HallNodeOptions.TECHNICIAN, pw});
        callers.put("department", new String[] {HallNodeOptions.DEPARTMENT_A17, pw});
        callers.put("clerk", new String[] {HallNodeOptions.CLERK, pw});
        callers.put("approver", new String[] {HallNodeOptions.APPROVER, pw});
        callers.put("supervisor", new String[] {HallNodeOptions.SUPERVISOR, pw});
        callers.put("kiosk", new String[] {HallNodeOptions.KIOSK, pw});
        callers.put("viewer", new String[] {HallNodeOptions.VIEWER, HallNodeOptions.VIEWER_PW});
        Set<String> everyRole = Set.of("admin", "operator", "technician", "department", "clerk", "approver", "supervisor", "kiosk", "viewer");
        List<Group> groups = List.of(
                new Group("GET", "/api/v1/zones", Set.of("anonymous", "admin", "operator", "technician", "department", "clerk", "approver",
                        "supervisor", "kiosk", "viewer")),
                new Group("GET", "/api/v1/auth/me", everyRole),
                new Group("POST", "/api/v1/zones/police/enable", Set.of("admin", "operator")),
                new Group("GET", "/api/v1/catalog/files", Set.of("admin", "operator")),
                new Group("GET", "/api/v1/matter-changes", Set.of("admin", "operator", "department")),
                new Group("GET", USERS, Set.of("admin")),
                new Group("GET", "/api/v1/admin/audit", Set.of("admin", "supervisor")),
                new Group("GET", "/api/v1/stats/queue", Set.of("admin", "supervisor")),
                new Group("GET", "/api/v1/admin/audit/verify", Set.of("admin", "supervisor")));
        List<String> wrong = new ArrayList<>();
        for (Group g : groups) {
            for (Map.Entry<String, String[]> caller : callers.entrySet()) {
                String[] c = caller.getValue();
                HttpResponse<String> r = c == null
                        ? http.request(g.method(), g.path(), null)
                        : g.method().equals("GET") ? http.getAs(g.path(), c[0], c[1]) : http.post(g.path(), c[0], c[1]);
                int expected = g.allowed().contains(caller.getKey()) ? 200 : c == null ? 401 : 403;
                if (r.statusCode() != expected) {
                    wrong.add(caller.getKey() + " " + g.method() + " " + g.path() + ": expected " + expected + ", got " + r.statusCode());
                } else if (expected != 200 && !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(caller.getKey() + " " + g.method() + " " + g.path() + ": " + expected + " without a problem document");
                }
            }
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }

    private String console(String command, String... roles) throws Exception {
        return new Console(sessions).run(command, roles);
    }
}
