package org.onedoor.dept.a26.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidentFundApplicationRulesTest {

    private final ProvidentFundApplicationRules rules = new ProvidentFundApplicationRules();

    @Test
    void rentWithdrawalWithinTheLimitPasses() {
        assertEquals(List.of(), rules.validate("A26-002", Map.of("accountNumber", "4117020012345678", "monthlyRent", "1200")));
    }

    @Test
    void rentAboveTheLimitOrMissingIsRefused() {
        assertTrue(rules.validate("A26-002", Map.of("accountNumber", "4117020012345678", "monthlyRent", "3000")).get(0).contains("1500"));
        assertTrue(rules.validate("A26-002", Map.of("accountNumber", "4117020012345678")).get(0).contains("月租金"));
    }

    @Test
    void accountNumberIsChecked() {
        assertTrue(rules.validate("A26-001", Map.of("accountNumber", "12-34")).get(0).contains("个人账号"));
    }

    @Test
    void eachProblemNamesItsField() {
        assertEquals(List.of("accountNumber", "monthlyRent"), new ProvidentFundApplicationRules().check("A26-002", Map.of("accountNumber", "12",
                "monthlyRent", "9000")).stream().map(org.onedoor.api.matter.ApplicationProblem::field).toList());
    }
}
