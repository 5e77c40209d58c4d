package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.matter.ApplicationProblem;

/** R3/R8: the departments' rules run when a case is opened, as for the check route, naming the field; "one thing" bundles from the catalog (R11). */
class AcceptanceRulesTest {

    private static final String UNIT = "411702001001GB00001F00010001";

    private final CaseFixture f = new CaseFixture();

    AcceptanceRulesTest() {
        f.rules.put("A15-001", fields -> fields.getOrDefault("unitNumber", "").length() == 28 ? List.of()
                : List.of(new ApplicationProblem("unitNumber", "不动产单元号应为28位")));
        f.rules.put("A17-001", fields -> CaseFixture.ID.equals(fields.get("idNumber")) ? List.of()
                : List.of(new ApplicationProblem("idNumber", "身份证号码无效")));
    }

    private static AcceptRequest transfer(Map<String, String> fields) {
        return new AcceptRequest("A15-001", CaseFixture.applicant(), List.of("不动产登记申请书", "存量房买卖合同"), CaseChannel.WINDOW, 89, "", fields);
    }

    @Test
    void aRuleRefusesTheCaseNamingTheFieldAndNothingIsStored() {
        CaseException e = assertThrows(CaseException.class, () -> f.cases.accept(transfer(Map.of("unitNumber", "123")), CaseFixture.CLERK));
        assertEquals(CaseException.Reason.INVALID, e.reason());
        assertEquals("rule-failed", e.code());
        assertEquals("fields.unitNumber", e.field());
        assertTrue(e.getMessage().contains("不动产单元号应为28位"), e.getMessage());
        assertEquals(List.of(), f.cases.cases(new CaseQuery(Optional.empty(), Optional.empty(), 10)));
        assertEquals(CaseState.ACCEPTED, f.cases.accept(transfer(Map.of("unitNumber", UNIT)), CaseFixture.CLERK).hallCase().state());
    }

    @Test
    void theApplicantsResidentIdStandsForTheIdNumberField() {
        HallCase h = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase();
        assertEquals(CaseState.ACCEPTED, h.state());
    }

    @Test
    void aRefusalRecordsTheRulesFindingsInsteadOfFailing() {
        HallCase h = f.cases.refuse(transfer(Map.of()), "不动产单元号不符", CaseFixture.CLERK).hallCase();
        assertEquals(CaseState.REFUSED_TO_ACCEPT, h.state());
        String detail = f.cases.history(h.number()).get(0).detail();
        assertTrue(detail.contains("部门规则检查：unitNumber：不动产单元号应为28位"), detail);
    }

    @Test
    void aOneThingFromTheCatalogTakesItsNameAndMustBeItsMatters() {
        List<BundleRequest.Part> parts = List.of(new BundleRequest.Part("A15-001", List.of("不动产登记申请书", "存量房买卖合同")),
                new BundleRequest.Part("A16-001", List.of("契税申报表")));
        AcceptedBundle a = f.cases.acceptBundle(new BundleRequest("随便", CaseFixture.applicant(), parts, CaseChannel.WINDOW, 89, "", "OT01",
                Map.of("unitNumber", UNIT)), CaseFixture.CLERK);
        assertEquals("二手房转移登记及契税“一件事”", a.bundle().nameZh());
        assertTrue(f.audit.stream().anyMatch(x -> x.detail().contains("目录 OT01")));

        CaseException wrong = assertThrows(CaseException.class, () -> f.cases.acceptBundle(new BundleRequest("x", CaseFixture.applicant(),
                List.of(parts.get(0), new BundleRequest.Part("B01-001", List.of("申请表"))), CaseChannel.WINDOW, 89, "", "OT01",
                Map.of("unitNumber", UNIT)), CaseFixture.CLERK));
        assertEquals("one-thing-parts", wrong.code());
        assertEquals("parts", wrong.field());
        assertEquals("unknown-one-thing", assertThrows(CaseException.class, () -> f.cases.acceptBundle(new BundleRequest("x",
                CaseFixture.applicant(), parts, CaseChannel.WINDOW, 89, "", "OT99", Map.of()), CaseFixture.CLERK)).code());
        CaseException rule = assertThrows(CaseException.class, () -> f.cases.acceptBundle(new BundleRequest("x", CaseFixture.applicant(),
                parts, CaseChannel.WINDOW, 89, "", "OT01", Map.of()), CaseFixture.CLERK));
        assertEquals("fields.unitNumber", rule.field(), "each part's department's rules run on the bundle's fields");
    }
}
