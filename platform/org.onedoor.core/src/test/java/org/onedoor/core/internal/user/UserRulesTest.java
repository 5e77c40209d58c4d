package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.UserAdminException;

class UserRulesTest {

    @Test
    void namesAreShortLowerCaseWordsStartingWithALetter() {
        assertDoesNotThrow(() -> UserRules.checkName("clerk.a17-2"));
        for (String bad : new String[] {"a", "1abc", "Admin", "a b", "_g_:admingroup", "x".repeat(33), "a,b"}) {
            assertEquals(UserAdminException.Reason.INVALID,
                    assertThrows(UserAdminException.class, () -> UserRules.checkName(bad), bad).reason());
        }
    }

    @Test
    void passwordsAreLongAndFitTheUsersFile() {
        assertDoesNotThrow(() -> UserRules.checkPassword("twelve chars"));
        for (String bad : new String[] {"short", "has,a comma!", "back\\slash12", "new\nline12345", "x".repeat(129)}) {
            assertThrows(UserAdminException.class, () -> UserRules.checkPassword(bad), bad);
        }
    }

    @Test
    void theDepartmentRoleNeedsADepartmentAndOnlyApproversAlsoTakeOne() {
        assertDoesNotThrow(() -> UserRules.checkRoles(Set.of(HallRole.DEPARTMENT), Optional.of("A17")));
        assertDoesNotThrow(() -> UserRules.checkRoles(Set.of(HallRole.APPROVER), Optional.of("A17")));
        assertDoesNotThrow(() -> UserRules.checkRoles(Set.of(HallRole.APPROVER), Optional.empty()));
        assertThrows(UserAdminException.class, () -> UserRules.checkRoles(Set.of(HallRole.DEPARTMENT), Optional.empty()));
        assertThrows(UserAdminException.class, () -> UserRules.checkRoles(Set.of(HallRole.CLERK), Optional.of("A17")));
        assertThrows(UserAdminException.class, () -> UserRules.checkRoles(Set.of(), Optional.empty()));
    }
}
