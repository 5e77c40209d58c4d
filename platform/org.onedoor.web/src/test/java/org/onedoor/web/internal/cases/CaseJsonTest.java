package org.onedoor.web.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onedoor.api.cases.BundleState;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseMaterial;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.TimeLight;
import org.onedoor.api.citizen.ResidentIdNumber;
import org.onedoor.api.matter.MaterialKind;
import org.junit.jupiter.api.Test;

/** The citizen's view of a case carries masked data only and no staff names; the staff view carries the rest. */
public class CaseJsonTest {

    private static final String ID = "411702199003074515";

    private static HallCase delivered() {
        return new HallCase("A17-20261127-0001", "", "A17-001", "rev", "普通护照签发", "A17", CaseChannel.WINDOW, 97, "G001", "欧阳小明",
                new ResidentIdNumber(ID).masked(), CaseState.DELIVERED,
                List.of(new CaseMaterial("申请人居民身份证", MaterialKind.MAIN, true), new CaseMaterial("备案证明", MaterialKind.TOLERABLE, true)),
                Optional.empty(), Set.of(), "clerk1", Instant.parse("2026-11-27T02:00:00Z"), 7, LocalDate.of(2026, 12, 8),
                Optional.of(CaseState.APPROVED), "approver.a17", Optional.of(Instant.parse("2026-11-30T02:00:00Z")), "", false,
                Optional.of(DeliveryMethod.PICKUP_LOCKER), "1F-A-03", "", "482913", Optional.of(Instant.parse("2026-12-01T02:00:00Z")),
                Optional.empty());
    }

    private static HallCase part(String number, String department, String matterName, String decidedBy) {
        return new HallCase(number, "YJS-20261127-0001", department + "-001", "rev", matterName, department, CaseChannel.WINDOW, 89, "F001",
                "欧阳小明", new ResidentIdNumber(ID).masked(), CaseState.APPROVED,
                List.of(new CaseMaterial(matterName + "申请书", MaterialKind.MAIN, true)), Optional.empty(), Set.of(), "clerk1",
                Instant.parse("2026-11-27T02:00:00Z"), 5, LocalDate.of(2026, 12, 4), Optional.of(CaseState.APPROVED), decidedBy,
                Optional.of(Instant.parse("2026-11-30T02:00:00Z")), "符合条件", false, Optional.empty(), "", "", "", Optional.empty(),
                Optional.empty());
    }

    @Test
    void aDepartmentSeesItsOwnPartsOfABundleAndOfTheOthersOnlyTheirState() {
        CaseBundle b = new CaseBundle("YJS-20261127-0001", "二手房买卖", "欧阳小明", new ResidentIdNumber(ID).masked(), BundleState.IN_PROGRESS,
                List.of(part("A15-20261127-0001", "A15", "不动产转移登记", "approver.a15"), part("A16-20261127-0001", "A16", "契税申报", "approver.a16")),
                "clerk1", Instant.parse("2026-11-27T02:00:00Z"), Optional.empty());
        JsonObject full = CaseJson.bundle(b, true);
        JsonObject scoped = CaseJson.bundleFor(b, "A15");
        JsonArray parts = scoped.getJsonArray("parts");
        assertEquals(full.getJsonArray("parts").getJsonObject(0), parts.getJsonObject(0), "the own part in full");
        JsonObject other = parts.getJsonObject(1);
        assertEquals(Set.of("number", "bundleNumber", "departmentId", "state", "stateZh", "restricted"), other.fieldNames());
        assertEquals("A16-20261127-0001", other.getString("number"));
        assertEquals("APPROVED", other.getString("state"));
        assertTrue(other.getBoolean("restricted"));
        String text = scoped.encode();
        assertFalse(text.contains("契税") || text.contains("approver.a16"), text);
        assertEquals(full.getString("state"), scoped.getString("state"));
    }

    @Test
    void theCitizenSeesMaskedDataAndNoStaff() {
        JsonObject json = CaseJson.citizen(delivered());
        String text = json.encode();
        assertEquals("欧***", json.getJsonObject("applicant").getString("name"));
        assertEquals("411***********4515", json.getJsonObject("applicant").getString("idNumber"));
        assertFalse(text.contains(ID));
        assertFalse(text.contains("clerk1") || text.contains("approver.a17") || text.contains("G001"), text);
        assertEquals("482913", json.getJsonObject("delivery").getString("pickupCode"));
        assertEquals("APPROVED", json.getString("decision"));
    }

    @Test
    void staffSeeWhoActedAndTheTimeLight() {
        JsonObject json = CaseJson.staff(delivered(), new CaseTiming("A17-20261127-0001", "A17", 7, LocalDate.of(2026, 12, 8), 1, TimeLight.GREEN));
        assertEquals("欧阳小明", json.getJsonObject("applicant").getString("name"));
        assertEquals("clerk1", json.getString("acceptedBy"));
        assertEquals("approver.a17", json.getString("decidedBy"));
        assertEquals("GREEN", json.getJsonObject("timing").getString("light"));
        assertTrue(json.getJsonArray("next").contains("CLOSED"));
        assertFalse(json.encode().contains(ID));
        assertFalse(json.encode().contains("482913"), "the pickup code is the citizen's");
        assertEquals("482913", CaseJson.handedOver(json, delivered()).getJsonObject("delivery").getString("pickupCode"));
    }
}
