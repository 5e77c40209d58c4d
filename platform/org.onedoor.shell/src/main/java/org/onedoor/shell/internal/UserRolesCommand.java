package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.user.HallUsers;

/** {@code onedoor:user-roles [--department A17] <name> <role>...}: replaces a user's roles. */
@Command(scope = "onedoor", name = "user-roles", description = "Replaces a hall user's roles (and department)")
@Service
public class UserRolesCommand implements Action {

    @Reference
    HallUsers users;

    @Reference
    AuditTrail audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "The user", required = true)
    String name;

    @Argument(index = 1, name = "roles", description = "The new roles", required = true, multiValued = true)
    List<String> roles;

    @Option(name = "-d", aliases = "--department", description = "The department a 'department' user acts for, e.g. A17")
    String department;

    @Override
    public Object execute() {
        String line = UserText.line(users.setRoles(name, UserText.roles(roles), UserText.department(department)));
        ShellAudit.record(audit, session, "user-roles", name, AuditEvent.SUCCESS, line);
        System.out.println("Now " + line);
        return null;
    }
}
