package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;

import io.vertx.core.json.JsonObject;
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
 * the demo clerk without a staff record signs in as before.
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

        String notAHallUser = console.run("onedoor:staff-dispatch --approve " + formId, "supervisor");
        assertTrue(notAHallUser, notAHallUser.contains("not-hall-signer"));
        ok(http.postJsonAs("/api/v1/admin/users", "{\"username\":\"it-user\",\"password\":\"it-Console-Secret-1\",\"roles\":[\"supervisor\"]}",
                ADMIN, ADMIN_PW), 201);
        String approved = console.run("onedoor:staff-dispatch --approve " + formId, "supervisor");
        assertTrue(approved, approved.contains("APPROVED"));
        String registry = console.run("onedoor:staff -u A17", "operator");
        assertTrue(registry, registry.contains("王伟") && registry.contains("首席代表") && registry.matches("(?s).*ZW\\d{5}.*"));
        String signed = ok(http.getAs("/api/v1/admin/audit?action=staff-form-approve&actor=it-user&limit=5", ADMIN, ADMIN_PW), 200).encode();
        assertTrue(signed, signed.contains("console") && signed.contains("staff-form:" + formId));
    }
}
