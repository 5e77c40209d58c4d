package org.onedoor.web.internal.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.web.ProblemException;
import org.onedoor.web.internal.security.JaasLogin;

public class DepartmentScopeTest {

    private final HallPrincipal a17 = JaasLogin.principal("dept.a17", Set.of("department", "dept:A17"));
    private final HallPrincipal operator = new HallPrincipal("op1", Set.of("operator", "viewer"), Optional.empty());
    private final HallPrincipal clerk = new HallPrincipal("clerk1", Set.of("clerk"), Optional.empty());

    @Test
    void theDepartmentComesFromTheDeptRole() {
        assertEquals(Optional.of("A17"), a17.department());
    }

    @Test
    void aDepartmentUserActsOnlyOnItsOwnDepartment() {
        assertTrue(DepartmentScope.allows(a17, "A17"));
        assertFalse(DepartmentScope.allows(a17, "A26"));
        assertDoesNotThrow(() -> DepartmentScope.require(a17, Set.of("A17")));
        assertEquals(403, assertThrows(ProblemException.class, () -> DepartmentScope.require(a17, Set.of("A26"))).status());
        assertThrows(ProblemException.class, () -> DepartmentScope.require(a17, Set.of("A17", "A26")));
        assertThrows(ProblemException.class, () -> DepartmentScope.require(a17, Set.of()));
    }

    @Test
    void operatorsActOnEveryDepartmentAndOthersOnNone() {
        assertTrue(DepartmentScope.allows(operator, "A26"));
        assertDoesNotThrow(() -> DepartmentScope.require(operator, Set.of("A26", "A17")));
        assertFalse(DepartmentScope.allows(clerk, "A17"));
        assertThrows(ProblemException.class, () -> DepartmentScope.require(clerk, Set.of("A17")));
    }
}
