package org.onedoor.web.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.Applicant;
import org.onedoor.api.cases.ApplicantKind;
import org.onedoor.api.citizen.IdentityDocument;
import org.onedoor.web.internal.http.Fields;

/** Issue 16.1 over HTTP: the applicant of every kind read from a request body, each refusal naming its field. */
public class ApplicantRequestTest {

    private static Fields body(String json) {
        return Fields.of(Fields.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Applicant applicant(String json) {
        return CaseRequests.applicant(body("{\"applicant\": " + json + "}"), java.time.LocalDate.of(2026, 12, 6));
    }

    private static Fields.FieldProblem refused(String json) {
        return assertThrows(Fields.FieldProblem.class, () -> applicant(json));
    }

    private static final String REP = "{\"name\": \"王五\", \"idNumber\": \"411702199003074515\"}";
    private static final String AGENT = "{\"name\": \"John Smith\", \"documentKind\": \"PASSPORT\", \"idNumber\": \"X12345678\", "
            + "\"nationality\": \"USA\", \"phone\": \"13812345678\", \"powerOfAttorney\": \"WT-2026-0042\", \"powerOfAttorneyDate\": \"2026-11-20\"}";

    @Test
    void theOldBodyIsStillAResident() {
        Applicant a = applicant("{\"name\": \"张三\", \"idNumber\": \"411702199003074515\"}");
        assertEquals(ApplicantKind.PERSON, a.kind());
        assertEquals(IdentityDocument.Kind.RESIDENT_ID, a.document().orElseThrow().kind());
        assertEquals("411702199003074515", a.idNumber().value());
        Fields.FieldProblem p = refused("{\"name\": \"张三\", \"idNumber\": \"411702199003074514\"}");
        assertEquals("invalid-id-number", p.code());
        assertEquals("applicant.idNumber", p.field());
    }

    @Test
    void aLegalPersonWithItsRepresentativeAndAnAgent() {
        Applicant a = applicant("{\"kind\": \"LEGAL_PERSON\", \"name\": \"驿城区某某餐饮有限公司\", \"creditCode\": \"91411700ma40abc1xt\", "
                + "\"legalRepresentative\": " + REP + ", \"agent\": " + AGENT + "}");
        assertEquals(ApplicantKind.LEGAL_PERSON, a.kind());
        assertEquals("91411700MA40ABC1XT", a.identifier());
        assertEquals("王五", a.legalRepresentative().orElseThrow().name());
        assertEquals("WT-2026-0042", a.agent().orElseThrow().powerOfAttorney());
        assertEquals(LocalDate.of(2026, 11, 20), a.agent().orElseThrow().signedOn());
        assertEquals("USA", a.agent().orElseThrow().person().document().nationality());
    }

    @Test
    void everyBadFieldIsNamed() {
        assertEquals("applicant.creditCode", refused("{\"kind\": \"LEGAL_PERSON\", \"name\": \"公司\", \"creditCode\": \"91411700MA40ABC1XA\", "
                + "\"legalRepresentative\": " + REP + "}").field());
        assertEquals("applicant.legalRepresentative", refused("{\"kind\": \"LEGAL_PERSON\", \"name\": \"公司\", "
                + "\"creditCode\": \"91411700MA40ABC1XT\"}").field());
        assertEquals("applicant.legalRepresentative.idNumber", refused("{\"kind\": \"LEGAL_PERSON\", \"name\": \"公司\", "
                + "\"creditCode\": \"91411700MA40ABC1XT\", \"legalRepresentative\": {\"name\": \"王五\", \"idNumber\": \"123\"}}").field());
        assertEquals("applicant.idNumber", refused("{\"kind\": \"LEGAL_PERSON\", \"name\": \"公司\", \"idNumber\": \"411702199003074515\", "
                + "\"creditCode\": \"91411700MA40ABC1XT\", \"legalRepresentative\": " + REP + "}").field());
        assertEquals("applicant.kind", refused("{\"kind\": \"ROBOT\", \"name\": \"x\", \"idNumber\": \"411702199003074515\"}").field());
        assertEquals("applicant.nationality", refused("{\"name\": \"KIM\", \"documentKind\": \"PASSPORT\", \"idNumber\": \"M98765432\"}").field());
        assertEquals("applicant.nationality", refused("{\"name\": \"KIM\", \"documentKind\": \"PASSPORT\", \"idNumber\": \"M98765432\", "
                + "\"nationality\": \"QQQ\"}").field());
        assertEquals("applicant.idNumber", refused("{\"name\": \"陈\", \"documentKind\": \"HK_MACAO_TRAVEL_PERMIT\", \"idNumber\": \"X1234\"}").field());
        assertEquals("applicant.documentKind", refused("{\"name\": \"陈\", \"documentKind\": 7, \"idNumber\": \"H12345678\"}").field());
        String agent = "{\"name\": \"张三\", \"idNumber\": \"411702199003074515\", \"agent\": ";
        assertEquals("applicant.agent.phone", refused(agent + AGENT.replace("13812345678", "call me") + "}").field());
        assertEquals("applicant.agent.powerOfAttorney", refused(agent + AGENT.replace("\"WT-2026-0042\"", "\"\"") + "}").field());
        assertEquals("applicant.agent.powerOfAttorneyDate", refused(agent + AGENT.replace(", \"powerOfAttorneyDate\": \"2026-11-20\"", "") + "}").field());
        assertEquals("applicant.agent.powerOfAttorneyDate", refused(agent + AGENT.replace("2026-11-20", "2999-01-01") + "}").field(),
                "a power of attorney is not signed in the future");
        assertEquals("applicant.name", refused("{\"name\": \"" + "长".repeat(65) + "\", \"idNumber\": \"411702199003074515\"}").field());
    }

    @Test
    void aFeeIsANumberOfYuanWithAtMostTwoDecimals() {
        assertEquals(Optional.of(new BigDecimal("12.50")), CaseRequests.fee(body("{\"feeCharged\": 12.5}"), "feeCharged"));
        assertEquals(Optional.empty(), CaseRequests.fee(body("{}"), "feeCharged"));
        for (String bad : new String[] {"\"50\"", "12.345", "-1", "true"}) {
            Fields.FieldProblem p = assertThrows(Fields.FieldProblem.class, () -> CaseRequests.fee(body("{\"feeCharged\": " + bad + "}"), "feeCharged"));
            assertEquals("invalid-fee", p.code());
            assertEquals("feeCharged", p.field());
            assertTrue(p.getMessage() != null);
        }
    }
}
