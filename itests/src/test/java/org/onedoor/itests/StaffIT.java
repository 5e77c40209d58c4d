package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The staff registry on the real node (R15, R16): a window clerk dispatched by A17's department user
 * and approved by the hall's supervisor (both sign-offs in the audit trail) is refused at a window
 * until the hall records a passed pre-job training, then signs in; a unit sees only its own staff;
 * the demo clerk without a staff record signs in as before. Duties are kept apart (R17) on the API and
 * the console; a clerk's zone and the day's roster decide its windows; the public window views show the
 * name plate, never the login name; authorization letters are written to registered staff and filed with
 * the hall (R6).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StaffIT extends HallNodeTestSupport {

    private static final String PW = HallNodeOptions.ROLE_PW;
    private static final String ADMIN = HallNodeOptions.ADMIN;
    private static final String ADMIN_PW = HallNodeOptions.ADMIN_PW;
    private static final String NEW_CLERK = "it.li.na";
    private static final String NEW_CLERK_PW = "it-LiNa-Secret-1";

    @Inject
    private SessionFactory sessions;

    @Before
    public void awaitNode() throws Exception {
        await("the zones are open", () -> {
            try {
                return http.get("/api/v1/zones").body().contains("\"count\":11");
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    public void aClerkDispatchedByBothSidesSignsInToAWindowOnlyAfterPreJobTraining() throws Exception {
        ok(http.postJsonAs("/api/v1/admin/users", "{\"username\":\"" + NEW_CLERK + "\",\"password\":\"" + NEW_CLERK_PW
                + "\",\"roles\":[\"clerk\"]}", ADMIN, ADMIN_PW), 201);
        String dispatch = "{\"realName\":\"李娜\",\"post\":\"WINDOW_STAFF\",\"userName\":\"" + NEW_CLERK + "\",\"reason\":\"出入境窗口新增人员\"}";
        problem(http.postJsonAs("/api/v1/staff/dispatch", dispatch.replace("{", "{\"unitId\":\"A17\","), HallNodeOptions.DEPARTMENT_A26, PW),
                403, "out-of-department");
        problem(http.postJsonAs("/api/v1/staff/dispatch", dispatch, ADMIN, ADMIN_PW), 403, "forbidden");
        JsonObject form = ok(http.postJsonAs("/api/v1/staff/dispatch", dispatch, HallNodeOptions.DEPARTMENT_A17, PW), 201);
        assertEquals("AWAITING_HALL", form.getString("state"));
        assertEquals("A17", form.getString("unitId"));
        long formId = form.getLong("id");
        long staffId = form.getLong("staffId");

        JsonObject pending = problem(http.postJsonAs("/api/v1/windows/152/sign-in", "{}", NEW_CLERK, NEW_CLERK_PW), 409, "staff-not-dispatched");
        assertTrue(pending.getString("detail"), pending.getString("detail").contains("R15"));
        problem(http.postJsonAs("/api/v1/staff/forms/" + formId + "/approve", "{}", HallNodeOptions.DEPARTMENT_A17, PW), 403, "forbidden");
        assertTrue(ok(http.getAs("/api/v1/staff/forms?state=AWAITING_HALL", HallNodeOptions.SUPERVISOR, PW), 200).encode()
                .contains("\"id\":" + formId));
        JsonObject approved = ok(http.postJsonAs("/api/v1/staff/forms/" + formId + "/approve", "{}", HallNodeOptions.SUPERVISOR, PW), 200);
        assertEquals("APPROVED", approved.getString("state"));
        JsonObject member = ok(http.getAs("/api/v1/staff/" + staffId, HallNodeOptions.DEPARTMENT_A17, PW), 200);
        assertEquals("ACTIVE", member.getString("state"));
        assertTrue(member.encode(), member.getString("staffNumber").matches("ZW\\d{5}"));
        assertEquals(false, member.getBoolean("trained"));
        problem(http.getAs("/api/v1/staff/" + staffId, HallNodeOptions.DEPARTMENT_A26, PW), 404, "unknown-staff");
        problem(http.getAs("/api/v1/staff?unit=A17", HallNodeOptions.DEPARTMENT_A26, PW), 403, "out-of-department");

        JsonObject refused = problem(http.postJsonAs("/api/v1/windows/152/sign-in", "{}", NEW_CLERK, NEW_CLERK_PW), 409, "training-required");
        String detail = refused.getString("detail");
        assertTrue(detail, detail.contains("R16") && detail.contains("岗前培训") && detail.contains("pre-job training"));
        assertEquals(false, ok(http.getAs("/api/v1/windows/152", ADMIN, ADMIN_PW), 200).getBoolean("signedIn"));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        problem(http.postJsonAs("/api/v1/staff/" + staffId + "/trainings", "{\"course\":\"窗口服务规范\",\"trainedOn\":\"" + today
                + "\",\"result\":\"PASSED\"}", HallNodeOptions.DEPARTMENT_A17, PW), 403, "forbidden");
        JsonObject bad = problem(http.postJsonAs("/api/v1/staff/" + staffId + "/trainings", "{\"course\":\"窗口服务规范\",\"trainedOn\":\""
                + today + "\",\"result\":\"GOOD\"}", ADMIN, ADMIN_PW), 400, "invalid-result");
        assertEquals("result", bad.getString("field"));
        ok(http.postJsonAs("/api/v1/staff/" + staffId + "/trainings", "{\"course\":\"窗口服务规范与综合受理\",\"trainedOn\":\"" + today
                + "\",\"result\":\"PASSED\"}", HallNodeOptions.OPERATOR, HallNodeOptions.OPERATOR_PW), 201);

        JsonObject session = ok(http.postJsonAs("/api/v1/windows/152/sign-in", "{}", NEW_CLERK, NEW_CLERK_PW), 200);
        assertEquals(NEW_CLERK, session.getString("clerk"));
        JsonObject me = ok(http.getAs("/api/v1/staff/me", NEW_CLERK, NEW_CLERK_PW), 200);
        assertEquals(true, me.getBoolean("trained"));
        assertEquals(1, me.getJsonArray("trainings").size());
        ok(http.postJsonAs("/api/v1/windows/152/sign-out", "{}", NEW_CLERK, NEW_CLERK_PW), 200);

        String filed = ok(http.getAs("/api/v1/admin/audit?action=staff-dispatch-file&limit=20", ADMIN, ADMIN_PW), 200).encode();
        assertTrue(filed, filed.contains(HallNodeOptions.DEPARTMENT_A17) && filed.contains("staff-form:" + formId));
        String signed = ok(http.getAs("/api/v1/admin/audit?action=staff-form-approve&limit=20", ADMIN, ADMIN_PW), 200).encode();
        assertTrue(signed, signed.contains(HallNodeOptions.SUPERVISOR) && signed.contains("staff-form:" + formId));
    }

    @Test
    public void aUserWithoutAStaffRecordSignsInAsBeforeUnderTheDefaultGate() throws Exception {
        ok(http.postJsonAs("/api/v1/windows/151/sign-in", "{}", HallNodeOptions.CLERK, PW), 200);
        ok(http.postJsonAs("/api/v1/windows/151/sign-out", "{}", HallNodeOptions.CLERK, PW), 200);
        problem(http.postJsonAs("/api/v1/staff/dispatch", "{\"realName\":\"王伟\",\"post\":\"CLERK\",\"userName\":\"x\",\"reason\":\"r\"}",
                HallNodeOptions.DEPARTMENT_A17, PW), 400, "invalid-post");
    }

    @Test
    public void theConsoleListsTheFormsAwaitingTheHallAndSignsOneOffAsAHallUser() throws Exception {
        ok(http.postJsonAs("/api/v1/admin/users", "{\"username\":\"it.wang.wei\",\"password\":\"it-WangWei-Secret-1\",\"roles\":[\"clerk\"]}",
                ADMIN, ADMIN_PW), 201);
        long formId = ok(http.postJsonAs("/api/v1/staff/dispatch", "{\"realName\":\"王伟\",\"post\":\"CHIEF_REPRESENTATIVE\","
                + "\"userName\":\"it.wang.wei\",\"reason\":\"首席代表进驻\"}", HallNodeOptions.DEPARTMENT_A17, PW), 201).getLong("id");
        Console console = new Console(sessions);
        String awaiting = console.run("onedoor:staff-dispatch -u A17", "supervisor");
        assertTrue(awaiting, awaiting.contains(HallNodeOptions.DEPARTMENT_A17) && awaiting.contains("AWAITING_HALL"));

        // the console's user signs only once it is a hall user (another test of the class may have made it one already)
        if (!ok(http.getAs("/api/v1/admin/users", ADMIN, ADMIN_PW), 200).encode().contains("\"it-user\"")) {
            String notAHallUser = console.run("onedoor:staff-dispatch --approve " + formId, "supervisor");
            assertTrue(notAHallUser, notAHallUser.contains("not-hall-signer"));
        }
        consoleUser();
        String approved = console.run("onedoor:staff-dispatch --approve " + formId, "supervisor");
        assertTrue(approved, approved.contains("APPROVED"));
        String registry = console.run("onedoor:staff -u A17", "operator");
        assertTrue(registry, registry.contains("王伟") && registry.contains("首席代表") && registry.matches("(?s).*ZW\\d{5}.*"));
        String signed = ok(http.getAs("/api/v1/admin/audit?action=staff-form-approve&actor=it-user&limit=5", ADMIN, ADMIN_PW), 200).encode();
        assertTrue(signed, signed.contains("console") && signed.contains("staff-form:" + formId));
    }

    /** A hall user dispatched by A17 and approved by the hall's supervisor: its staff id and number. */
    private JsonObject dispatched(String user, String password, String realName, String post) throws Exception {
        ok(http.postJsonAs("/api/v1/admin/users", "{\"username\":\"" + user + "\",\"password\":\"" + password
                + "\",\"roles\":[\"clerk\"]}", ADMIN, ADMIN_PW), 201);
        JsonObject form = ok(http.postJsonAs("/api/v1/staff/dispatch", "{\"realName\":\"" + realName + "\",\"post\":\"" + post
                + "\",\"userName\":\"" + user + "\",\"reason\":\"进驻\"}", HallNodeOptions.DEPARTMENT_A17, PW), 201);
        ok(http.postJsonAs("/api/v1/staff/forms/" + form.getLong("id") + "/approve", "{}", HallNodeOptions.SUPERVISOR, PW), 200);
        return ok(http.getAs("/api/v1/staff/" + form.getLong("staffId"), ADMIN, ADMIN_PW), 200);
    }

    /** The console's hall user (it-user, a supervisor), made once for the class. */
    private void consoleUser() throws Exception {
        int status = http.postJsonAs("/api/v1/admin/users", "{\"username\":\"it-user\",\"password\":\"it-Console-Secret-1\","
                + "\"roles\":[\"supervisor\"]}", ADMIN, ADMIN_PW).statusCode();
        assertTrue("it-user: " + status, status == 201 || status == 409);
    }

    @Test
    public void approvalAndSupervisionAreKeptApartOnTheApiAndTheConsole() throws Exception {
        long chief = dispatched("it.zhao.chief", "it-ZhaoChief-Secret-1", "赵科长", "SECTION_CHIEF").getLong("id");
        long clerk = dispatched("it.qian.clerk", "it-QianClerk-Secret-1", "钱进", "WINDOW_STAFF").getLong("id");

        JsonObject chiefRefused = problem(http.postJsonAs("/api/v1/staff/" + chief + "/duties", "{\"duty\":\"SUPERVISION\",\"unitId\":\"A17\","
                + "\"matterCode\":\"A17-001\"}", HallNodeOptions.SUPERVISOR, PW), 409, "duties-kept-apart");
        assertTrue(chiefRefused.getString("detail"), chiefRefused.getString("detail").contains("R17")
                && chiefRefused.getString("detail").contains("审批科长"));
        JsonObject approval = ok(http.postJsonAs("/api/v1/staff/" + clerk + "/duties", "{\"duty\":\"APPROVAL\",\"unitId\":\"A17\"}",
                HallNodeOptions.DEPARTMENT_A17, PW), 201);
        assertEquals("APPROVAL", approval.getString("duty"));
        problem(http.postJsonAs("/api/v1/staff/" + clerk + "/duties", "{\"duty\":\"SUPERVISION\",\"unitId\":\"A17\"}",
                HallNodeOptions.DEPARTMENT_A26, PW), 403, "out-of-department");
        JsonObject both = problem(http.postJsonAs("/api/v1/staff/" + clerk + "/duties", "{\"duty\":\"SUPERVISION\",\"unitId\":\"A17\"}",
                HallNodeOptions.SUPERVISOR, PW), 409, "duties-kept-apart");
        assertTrue(both.getString("detail"), both.getString("detail").contains("R17"));
        assertEquals("duty", problem(http.postJsonAs("/api/v1/staff/" + clerk + "/duties", "{\"duty\":\"AUDIT\",\"unitId\":\"A17\"}",
                HallNodeOptions.SUPERVISOR, PW), 400, "invalid-duty").getString("field"));
        assertTrue(ok(http.getAs("/api/v1/staff/duties?unit=A17", HallNodeOptions.DEPARTMENT_A17, PW), 200).encode().contains("钱进"));

        consoleUser();
        Console console = new Console(sessions);
        String refused = console.run("onedoor:staff-duty --assign " + chief + " --duty SUPERVISION -u A17", "supervisor");
        assertTrue(refused, refused.contains("duties-kept-apart") && refused.contains("R17"));
        String listed = console.run("onedoor:staff-duty -u A17", "supervisor");
        assertTrue(listed, listed.contains("钱进") && listed.contains("审批") && !listed.contains("赵科长"));
        String audited = ok(http.getAs("/api/v1/admin/audit?action=staff-duty-assign&limit=20", ADMIN, ADMIN_PW), 200).encode();
        assertTrue(audited, audited.contains("refused") && audited.contains("console"));
    }

    @Test
    public void aClerksZoneAndTheRosterDecideItsWindowsAndThePublicSeeItsNamePlate() throws Exception {
        JsonObject member = dispatched("it.sun.clerk", "it-SunClerk-Secret-1", "孙丽", "WINDOW_STAFF");
        long id = member.getLong("id");
        String number = member.getString("staffNumber");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ok(http.postJsonAs("/api/v1/staff/" + id + "/trainings", "{\"course\":\"窗口服务规范\",\"trainedOn\":\"" + today
                + "\",\"result\":\"PASSED\"}", ADMIN, ADMIN_PW), 201);
        problem(http.putJson("/api/v1/staff/" + id + "/zone", "{\"zoneId\":\"police\"}", HallNodeOptions.DEPARTMENT_A17, PW), 403, "forbidden");
        assertEquals("police", ok(http.putJson("/api/v1/staff/" + id + "/zone", "{\"zoneId\":\"police\"}", HallNodeOptions.OPERATOR,
                HallNodeOptions.OPERATOR_PW), 200).getString("zoneId"));

        JsonObject wrong = problem(http.postJsonAs("/api/v1/windows/158/sign-in", "{}", "it.sun.clerk", "it-SunClerk-Secret-1"), 409, "wrong-zone");
        assertTrue(wrong.getString("detail"), wrong.getString("detail").contains("police") && wrong.getString("detail").contains("158"));
        ok(http.postJsonAs("/api/v1/windows/120/sign-in", "{}", "it.sun.clerk", "it-SunClerk-Secret-1"), 200);
        HttpResponse<String> shown = http.get("/api/v1/windows/120");
        JsonObject plate = ok(shown, 200).getJsonObject("plate");
        assertEquals(shown.body(), number, plate.getString("staffNumber"));
        assertEquals("孙丽", plate.getString("realName"));
        assertTrue(shown.body(), !shown.body().contains("it.sun.clerk"));
        String snapshot = http.get("/api/v1/queue/snapshot?zone=police").body();
        assertTrue(snapshot, snapshot.contains(number) && !snapshot.contains("it.sun.clerk"));
        ok(http.postJsonAs("/api/v1/windows/120/sign-out", "{}", "it.sun.clerk", "it-SunClerk-Secret-1"), 200);

        JsonObject rostered = ok(http.putJson("/api/v1/staff/roster/" + today + "/121", "{\"staffId\":" + id + "}", HallNodeOptions.OPERATOR,
                HallNodeOptions.OPERATOR_PW), 200);
        assertEquals(number, rostered.getJsonObject("plate").getString("staffNumber"));
        problem(http.putJson("/api/v1/staff/roster/" + today + "/158", "{\"staffId\":" + id + "}", HallNodeOptions.OPERATOR,
                HallNodeOptions.OPERATOR_PW), 409, "wrong-zone");
        JsonObject taken = problem(http.postJsonAs("/api/v1/windows/121/sign-in", "{}", HallNodeOptions.CLERK, PW), 409, "window-rostered");
        assertTrue(taken.getString("detail"), taken.getString("detail").contains(number));
        problem(http.postJsonAs("/api/v1/windows/122/sign-in", "{}", "it.sun.clerk", "it-SunClerk-Secret-1"), 409, "rostered-elsewhere");
        consoleUser();
        String roster = new Console(sessions).run("onedoor:roster", "operator");
        assertTrue(roster, roster.contains("121") && roster.contains(number) && roster.contains("孙丽"));
        ok(http.postJsonAs("/api/v1/windows/121/sign-in", "{}", "it.sun.clerk", "it-SunClerk-Secret-1"), 200);
        ok(http.postJsonAs("/api/v1/windows/121/sign-out", "{}", "it.sun.clerk", "it-SunClerk-Secret-1"), 200);
        assertEquals(true, ok(http.delete("/api/v1/staff/roster/" + today + "/121", HallNodeOptions.OPERATOR, HallNodeOptions.OPERATOR_PW),
                200).getBoolean("removed"));

        JsonObject letter = ok(http.postJsonAs("/api/v1/cases/authorizations", "{\"department\":\"A17\",\"kind\":\"WINDOW_STAFF\",\"staffId\":"
                + id + ",\"matters\":[\"A17-001\"],\"validFrom\":\"" + today + "\",\"validUntil\":\"" + today + "\"}",
                HallNodeOptions.DEPARTMENT_A17, PW), 201);
        assertEquals("it.sun.clerk", letter.getString("staff"));
        assertEquals(null, letter.getString("hallFiledAt"));
        assertEquals("kind", problem(http.postJsonAs("/api/v1/cases/authorizations", "{\"department\":\"A17\",\"kind\":\"SECTION_CHIEF\","
                + "\"staffId\":" + id + ",\"matters\":[\"A17-001\"],\"validFrom\":\"" + today + "\",\"validUntil\":\"" + today + "\"}",
                HallNodeOptions.DEPARTMENT_A17, PW), 400, "kind-not-post").getString("field"));
        JsonObject filed = ok(http.postJsonAs("/api/v1/cases/authorizations/" + letter.getLong("id") + "/file-with-hall", "{}",
                HallNodeOptions.OPERATOR, HallNodeOptions.OPERATOR_PW), 200);
        assertEquals(HallNodeOptions.OPERATOR, filed.getString("hallFiledBy"));
    }

    /** R17 at the decision: a supervisor of the unit is refused the back-office decision of its case, in words naming the rule. */
    @Test
    public void aSupervisorOfTheUnitIsRefusedTheDecisionOfItsCase() throws Exception {
        String user = "it.wu.approver";
        String password = "it-WuApprover-Secret-1";
        ok(http.postJsonAs("/api/v1/admin/users", "{\"username\":\"" + user + "\",\"password\":\"" + password
                + "\",\"roles\":[\"approver\"],\"department\":\"A17\"}", ADMIN, ADMIN_PW), 201);
        JsonObject form = ok(http.postJsonAs("/api/v1/staff/dispatch", "{\"realName\":\"吴军\",\"post\":\"WINDOW_STAFF\",\"userName\":\""
                + user + "\",\"reason\":\"进驻\"}", HallNodeOptions.DEPARTMENT_A17, PW), 201);
        ok(http.postJsonAs("/api/v1/staff/forms/" + form.getLong("id") + "/approve", "{}", HallNodeOptions.SUPERVISOR, PW), 200);
        long duty = ok(http.postJsonAs("/api/v1/staff/" + form.getLong("staffId") + "/duties", "{\"duty\":\"SUPERVISION\",\"unitId\":\"A17\","
                + "\"matterCode\":\"A17-001\"}", HallNodeOptions.SUPERVISOR, PW), 201).getLong("id");

        ok(http.postJson("/api/v1/tickets", "{\"zone\": \"police\"}"), 201);
        ok(http.postJsonAs("/api/v1/windows/123/sign-in", "{}", HallNodeOptions.CLERK, PW), 200);
        ok(http.postJsonAs("/api/v1/windows/123/call-next", "{}", HallNodeOptions.CLERK, PW), 200);
        String no = ok(http.postJsonAs("/api/v1/cases", "{\"matter\": \"A17-001\", \"applicant\": {\"name\": \"张三\", \"idNumber\":"
                + " \"411702199003074515\"}, \"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\", \"国家工作人员出国（境）审批备案证明\"],"
                + " \"window\": 123}", HallNodeOptions.CLERK, PW), 201).getString("number");
        ok(http.postJsonAs("/api/v1/windows/123/sign-out", "{}", HallNodeOptions.CLERK, PW), 200);

        JsonObject refused = problem(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\":true}", user, password), 403,
                "duties-kept-apart");
        assertTrue(refused.getString("detail"), refused.getString("detail").contains("R17") && refused.getString("detail").contains("A17-001"));
        assertEquals("ACCEPTED", ok(http.getAs("/api/v1/cases/" + no, user, password), 200).getString("state"));
        ok(http.postJsonAs("/api/v1/staff/duties/" + duty + "/end", "{}", HallNodeOptions.SUPERVISOR, PW), 200);
        assertEquals("APPROVED", ok(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\":true}", user, password), 200)
                .getString("state"));
    }
}
