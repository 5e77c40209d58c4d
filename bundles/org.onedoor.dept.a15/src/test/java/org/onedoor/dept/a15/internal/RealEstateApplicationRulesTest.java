package org.onedoor.dept.a15.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealEstateApplicationRulesTest {

    private final RealEstateApplicationRules rules = new RealEstateApplicationRules();
    private static final String ID = "11010519491231002X";

    @Test
    void aCompleteTransferPasses() {
        assertEquals(List.of(), rules.validate("A15-001", Map.of("unitNumber", "411702003001GB00012F00010203",
                "transfereeIdNumber", ID, "transferorIdNumber", ID)));
    }

    @Test
    void badUnitNumberAndMissingPartyAreNamed() {
        List<String> problems = rules.validate("A15-001", Map.of("unitNumber", "4117020030", "transfereeIdNumber", ID));
        assertEquals(2, problems.size());
        assertTrue(problems.get(0).startsWith("不动产单元号"));
        assertTrue(problems.get(1).startsWith("转让人"));
    }

    @Test
    void eachProblemNamesItsFieldForTheRefusalAtAcceptance() {
        assertEquals(List.of("unitNumber", "transferorIdNumber"), rules.check("A15-001", Map.of("unitNumber", "4117020030",
                "transfereeIdNumber", ID)).stream().map(org.onedoor.api.matter.ApplicationProblem::field).toList());
    }

    @Test
    void inheritanceHasNoTransferor() {
        assertEquals(List.of(), rules.validate("A15-013", Map.of("unitNumber", "411702003001GB00012F00010203",
                "transfereeIdNumber", ID)));
    }
}
