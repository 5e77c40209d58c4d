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
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;

/** {@code onedoor:user-add [--department A17] [--password ...] <name> <role>...}: creates a user. */
@Command(scope = "onedoor", name = "user-add", description = "Creates a hall user with roles; prints a generated password unless one is given")
@Service
public class UserAddCommand implements Action {

    @Reference
    HallUsers users;

    @Reference
    AuditTrail audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "The sign-in name, e.g. clerk.a17", required = true)
    String name;

    @Argument(index = 1, name = "roles", description = "One or more roles: admin operator technician department clerk approver supervisor kiosk viewer",
            required = true, multiValued = true)
    List<String> roles;

    @Option(name = "-d", aliases = "--department", description = "The department a 'department' user acts for, e.g. A17")
    String department;

    @Option(name = "-p", aliases = "--password", description = "The initial password (12+ characters); generated and printed once when left out")
    String password;

    @Override
    public Object execute() {
        String initial = password != null ? password : UserText.newPassword();
        HallUser user = users.create(name, initial, UserText.roles(roles), UserText.department(department));
        ShellAudit.record(audit, session, "user-create", user.name(), AuditEvent.SUCCESS, UserText.line(user));
        System.out.println("Created " + UserText.line(user));
        if (password == null) {
            System.out.println("Password (shown only now): " + initial);
        }
        return null;
    }
}
