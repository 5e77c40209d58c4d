package org.onedoor.dept.a17.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoliceApplicationRulesTest {

    private final PoliceApplicationRules rules = new PoliceApplicationRules();

    @Test
    void passportNeedsAValidIdNumber() {
        assertEquals(List.of(), rules.validate("A17-001", Map.of("idNumber", "11010519491231002X")));
        assertTrue(rules.validate("A17-001", Map.of("idNumber", "110105194912310021")).get(0).contains("校验位"));
        assertTrue(rules.validate("A17-001", Map.of()).get(0).contains("18位"));
    }

    @Test
    void eachProblemNamesItsField() {
        assertEquals("idNumber", rules.check("A17-001", Map.of()).get(0).field());
        assertEquals("vin", rules.check("A17-012", Map.of("vin", "LSVAU2180N218329O")).get(0).field());
    }

    @Test
    void aMinorNeedsTheGuardiansIdNumber() {
        // born 2015-03-07 (check character computed for the test)
        String child = "110105201503070013";
        Map<String, String> alone = Map.of("idNumber", child, "applicationDate", "2026-11-27");
        assertTrue(rules.validate("A17-002", alone).get(0).contains("监护人"));
        assertEquals(List.of(), rules.validate("A17-002", Map.of("idNumber", child, "applicationDate", "2026-11-27",
                "guardianIdNumber", "11010519491231002X")));
    }

    @Test
    void vehicleRegistrationNeedsAWellFormedVin() {
        assertEquals(List.of(), rules.validate("A17-012", Map.of("vin", "LSVAU2180N2183294")));
        assertTrue(rules.validate("A17-012", Map.of("vin", "LSVAU2180O2183294")).get(0).contains("VIN"));
    }
}
