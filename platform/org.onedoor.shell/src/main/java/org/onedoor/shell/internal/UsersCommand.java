package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;

/** {@code onedoor:users}: the hall's users with their roles and departments. */
@Command(scope = "onedoor", name = "users", description = "Lists the hall's users, their roles and departments")
@Service
public class UsersCommand implements Action {

    @Reference
    HallUsers users;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Roles");
        table.column("Department");
        table.column("State");
        for (HallUser u : users.users()) {
            table.addRow().addContent(u.name(), UserText.roles(u), u.department().orElse("-"), u.disabled() ? "disabled" : "active");
        }
        table.print(System.out);
        return null;
    }
}
