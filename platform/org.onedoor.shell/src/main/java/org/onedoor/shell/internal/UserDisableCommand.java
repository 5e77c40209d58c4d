package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onedoor.api.user.HallUsers;

/** {@code onedoor:user-disable <name>}: disables a user (unknown password, no roles). */
@Command(scope = "onedoor", name = "user-disable", description = "Disables a hall user: its password is replaced and its roles removed")
@Service
public class UserDisableCommand implements Action {

    @Reference
    HallUsers users;

    @Argument(index = 0, name = "name", description = "The user", required = true)
    String name;

    @Override
    public Object execute() {
        System.out.println("Disabled " + UserText.line(users.disable(name)));
        return null;
    }
}
