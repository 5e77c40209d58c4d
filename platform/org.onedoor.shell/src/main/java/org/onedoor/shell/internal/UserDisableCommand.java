package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.user.HallUsers;

/** {@code onedoor:user-disable <name>}: disables a user (unknown password, no roles). */
@Command(scope = "onedoor", name = "user-disable", description = "Disables a hall user: its password is replaced and its roles removed")
@Service
public class UserDisableCommand implements Action {

    @Reference
    HallUsers users;

    @Reference
    AuditTrail audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "The user", required = true)
    String name;

    @Override
    public Object execute() {
        String line = UserText.line(users.disable(name));
        ShellAudit.record(audit, session, "user-disable", name, AuditEvent.SUCCESS, line);
        System.out.println("Disabled " + line);
        return null;
    }
}
