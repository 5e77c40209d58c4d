package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.user.HallRole;

class RoleGroupsTest {

    @Test
    void eachRoleHasItsGroupAndTheGroupBringsConsoleRolesOnlyWhereTheConsoleIsUsed() {
        assertEquals("kioskgroup", RoleGroups.group(HallRole.KIOSK));
        assertEquals(Set.of(HallRole.KIOSK), RoleGroups.implied(Set.of(HallRole.KIOSK)));
        assertEquals(Set.of(HallRole.SUPERVISOR, HallRole.VIEWER), RoleGroups.implied(Set.of(HallRole.SUPERVISOR)));
        assertEquals(Set.of(HallRole.ADMIN, HallRole.VIEWER, HallRole.CLERK), RoleGroups.implied(Set.of(HallRole.ADMIN, HallRole.CLERK)));
        assertEquals(Set.of(), RoleGroups.implied(Set.of()));
    }
}
