package org.onedoor.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.onedoor.itests.HallNodeOptions.await;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.onedoor.api.device.DeviceRegistry;
import org.onedoor.api.device.DeviceStatus;
import org.onedoor.device.locker.lockboard.simulator.LockerBoardSimulator;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A case's result through a pickup locker on the real node (R3): decided by the department's
 * approver, delivered over HTTP into a door of the board simulator (its open-door frame checked
 * byte for byte), picked up by the locker's code at the kiosk, and the case closed with the pickup
 * in its history; a delivery to an unknown cabinet is refused and the case stays ready.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaseLockerIT extends HallNodeTestSupport {

    private static final String PW = HallNodeOptions.ROLE_PW;
    private static final String CLERK = HallNodeOptions.CLERK;
    private static final String APPROVER = HallNodeOptions.APPROVER_A17;
    private static final String ID = "411702199003074515";
    private static LockerBoardSimulator locker;

    @Inject
    private DeviceRegistry devices;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Configuration
    public Option[] config() throws Exception {
        int lockerPort = freePort();
        List<Option> options = new ArrayList<>(List.of(HallNodeOptions.node()));
        options.add(systemProperty("onedoor.it.lockerPort").value(Integer.toString(lockerPort)));
        String cfg = "etc/org.onedoor.device~locker1.cfg";
        options.add(editConfigurationFilePut(cfg, "kind", "locker"));
        options.add(editConfigurationFilePut(cfg, "driver", "lockboard"));
        options.add(editConfigurationFilePut(cfg, "host", "127.0.0.1"));
        options.add(editConfigurationFilePut(cfg, "port", Integer.toString(lockerPort)));
        options.add(editConfigurationFilePut(cfg, "doors", "4"));
        options.add(editConfigurationFilePut(cfg, "answerTimeoutMillis", "500"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void lockerOn() throws Exception {
        synchronized (CaseLockerIT.class) {
            if (locker == null) {
                locker = new LockerBoardSimulator(Integer.getInteger("onedoor.it.lockerPort"), 1, 4, true).start();
            }
        }
        await("the cabinet is online", () -> devices.device("locker1").map(d -> d.health().status() == DeviceStatus.ONLINE).orElse(false));
        await("the police matters are offered", () -> http.get("/api/v1/matters/A17-001").statusCode() == 200);
    }

    /** An online passport application with every material, approved by A17's approver: RESULT_READY. */
    private String readyCase() throws Exception {
        String application = "{\"matter\": \"A17-001\", \"channel\": \"ONLINE\", \"applicant\": {\"name\": \"王五\", \"idNumber\": \"" + ID
                + "\"}, \"materials\": [\"申请人居民身份证\", \"近期免冠彩色照片\", \"国家工作人员出国（境）审批备案证明\"]}";
        JsonObject accepted = ok(http.postJsonAs("/api/v1/cases", application, CLERK, PW), 201);
        String no = accepted.getString("number");
        assertProblem(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\": true}", HallNodeOptions.APPROVER, PW),
                403, "out-of-department");
        assertEquals("APPROVED", ok(http.postJsonAs("/api/v1/cases/" + no + "/decision", "{\"approve\": true, \"reason\": \"符合条件\"}",
                APPROVER, PW), 200).getString("state"));
        assertEquals("RESULT_READY", ok(http.postJsonAs("/api/v1/cases/" + no + "/result-ready", "{}", APPROVER, PW), 200).getString("state"));
        return no + " " + accepted.getString("checkCode");
    }

    private JsonObject staffView(String no) throws Exception {
        return ok(http.getAs("/api/v1/cases/" + no, HallNodeOptions.SUPERVISOR, PW), 200);
    }

    private List<String> openFrames() {
        return locker.frames().stream().filter(f -> f.startsWith("8A")).toList();
    }

    @Test
    public void aCaseDeliveredToTheLockerIsPickedUpByCodeAndClosed() throws Exception {
        String[] ready = readyCase().split(" ");
        String no = ready[0];
        String checkCode = ready[1];
        int framesBefore = openFrames().size();

        JsonObject delivered = ok(http.postJsonAs("/api/v1/cases/" + no + "/delivery",
                "{\"method\": \"PICKUP_LOCKER\", \"detail\": \"1F-A-03\"}", CLERK, PW), 200);
        assertEquals("DELIVERED", delivered.getString("state"));
        String code = delivered.getJsonObject("delivery").getString("pickupCode");
        assertTrue(code, code.matches("\\d{6}"));
        JsonArray doors = ok(http.getAs("/api/v1/lockers/locker1/doors", HallNodeOptions.TECHNICIAN, PW), 200).getJsonArray("doors");
        JsonObject held = doors.stream().map(JsonObject.class::cast).filter(d -> "OCCUPIED".equals(d.getString("use"))).findFirst()
                .orElseThrow(() -> new AssertionError("no occupied door: " + doors));
        int door = held.getInteger("door");
        assertEquals("智能柜 locker1 第 " + door + " 号柜门（1F-A-03）", delivered.getJsonObject("delivery").getString("detail"));

        String openFrame = String.format("8A 01 %02X 11 %02X", door, 0x8A ^ 0x01 ^ door ^ 0x11);
        await("the door opens for the clerk", () -> locker.isOpen(door));
        assertEquals(List.of(openFrame), openFrames().subList(framesBefore, openFrames().size()));
        locker.closeByHand(door);

        assertFalse("staff views do not show the citizen's code", staffView(no).encode().contains(code));
        JsonObject seen = ok(http.postJson("/api/v1/cases/lookup", "{\"number\": \"" + no + "\", \"checkCode\": \"" + checkCode + "\"}"), 200);
        assertEquals(code, seen.getJsonObject("delivery").getString("pickupCode"));

        await("the door is closed again", () -> !locker.isOpen(door));
        HttpResponse<String> picked = http.postJson("/api/v1/lockers/locker1/pickup", "{\"code\": \"" + code + "\"}");
        assertEquals(picked.body(), 200, picked.statusCode());
        assertTrue(locker.isOpen(door));
        assertEquals(List.of(openFrame, openFrame), openFrames().subList(framesBefore, openFrames().size()));

        await("the pickup closes the case", () -> "CLOSED".equals(staffView(no).getString("state")));
        JsonArray history = staffView(no).getJsonArray("history");
        JsonObject last = history.getJsonObject(history.size() - 1);
        assertEquals(history.encode(), "case-pickup", last.getString("action"));
        assertEquals("citizen", last.getString("actor"));
        assertEquals("locker:locker1", last.getString("origin"));
        assertEquals(List.of("case-accept", "case-decide", "case-result-ready", "case-deliver", "case-pickup"),
                history.stream().map(o -> ((JsonObject) o).getString("action")).toList());
        assertEquals(APPROVER, history.getJsonObject(1).getString("actor"));
        JsonObject after = ok(http.postJson("/api/v1/cases/lookup", "{\"number\": \"" + no + "\", \"checkCode\": \"" + checkCode + "\"}"), 200);
        assertEquals("the used code is erased", "", after.getJsonObject("delivery").getString("pickupCode"));
        JsonObject audit = ok(http.getAs("/api/v1/admin/audit?action=case-pickup&limit=10", HallNodeOptions.ADMIN, HallNodeOptions.ADMIN_PW), 200);
        assertTrue(audit.encode(), audit.encode().contains(no));
        locker.closeByHand(door);
    }

    @Test
    public void aDeliveryToAnUnknownCabinetIsRefusedAndTheCaseStaysReady() throws Exception {
        String no = readyCase().split(" ")[0];
        int framesBefore = openFrames().size();

        HttpResponse<String> refused = http.postJsonAs("/api/v1/cases/" + no + "/delivery",
                "{\"method\": \"PICKUP_LOCKER\", \"cabinet\": \"locker9\"}", CLERK, PW);

        assertProblem(refused, 409, "unknown-cabinet");
        assertTrue(refused.body(), refused.body().contains("locker1"));
        assertProblem(http.postJsonAs("/api/v1/cases/" + no + "/delivery", "{\"method\": \"MAIL\", \"trackingNumber\": \"EMS1234567\", "
                + "\"cabinet\": \"locker1\"}", CLERK, PW), 400, "invalid-delivery");
        JsonObject still = staffView(no);
        assertEquals("RESULT_READY", still.getString("state"));
        assertEquals(null, still.getValue("delivery"));
        Thread.sleep(300);
        assertEquals("no door was opened", framesBefore, openFrames().size());
        JsonArray doors = ok(http.getAs("/api/v1/lockers/locker1/doors", HallNodeOptions.TECHNICIAN, PW), 200).getJsonArray("doors");
        assertTrue(doors.encode(), doors.stream().map(JsonObject.class::cast).noneMatch(d -> "OCCUPIED".equals(d.getString("use"))));
    }
}
