package org.onedoor.shell.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;

/** The console's user as the hall knows it: its hall roles decide what it may sign in the staff registry. */
final class ConsoleSigner {

    private ConsoleSigner() {
    }

    static HallPrincipal of(Session session, HallUsers users) {
        String name = ShellAudit.actor(session);
        HallUser user = users.user(name).filter(u -> !u.disabled()).orElseThrow(() -> new StaffException(StaffException.Reason.FORBIDDEN,
                "not-hall-signer", "控制台用户 " + name + " 不是大厅用户，不能签字 (the console user is not a hall user and cannot sign)"));
        Set<String> roles = EnumSet.copyOf(user.roles().isEmpty() ? EnumSet.of(HallRole.VIEWER) : user.roles()).stream()
                .map(HallRole::id).collect(Collectors.toSet());
        return new HallPrincipal(name, roles, user.department());
    }
}
