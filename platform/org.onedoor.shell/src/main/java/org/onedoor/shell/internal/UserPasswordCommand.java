package org.onedoor.shell.internal;

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

/** {@code onedoor:user-password [--password ...] <name>}: gives a user a new password. */
@Command(scope = "onedoor", name = "user-password", description = "Resets a hall user's password; prints a generated one unless one is given")
@Service
public class UserPasswordCommand implements Action {

    @Reference
    HallUsers users;

    @Reference
    AuditTrail audit;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "The user", required = true)
    String name;

    @Option(name = "-p", aliases = "--password", description = "The new password (12+ characters); generated and printed once when left out")
    String password;

    @Override
    public Object execute() {
        String next = password != null ? password : UserText.newPassword();
        users.resetPassword(name, next);
        ShellAudit.record(audit, session, "user-password-reset", name, AuditEvent.SUCCESS, "password reset");
        System.out.println("Password of " + name + " reset." + (password == null ? " New password (shown only now): " + next : ""));
        return null;
    }
}
