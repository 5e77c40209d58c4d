package org.onedoor.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
class CaseJsonTest {

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
