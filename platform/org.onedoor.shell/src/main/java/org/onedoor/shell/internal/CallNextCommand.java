package org.onedoor.shell.internal;

import java.security.AccessController;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.WindowDesk;

/**
 * {@code onedoor:call-next [--hall <hall>] <window>}: calls the next ticket to a signed-in window of a
 * hall (windows are numbered per hall). A clerk calls only to the window it signed in to; admins and
 * operators call to any window.
 */
@Command(scope = "onedoor", name = "call-next", description = "Calls the next ticket to a window whose clerk is signed in")
@Service
public class CallNextCommand implements Action {

    @Reference
    WindowDesk desk;

    @Reference
    HallDirectory halls;

    @Option(name = HallOption.NAME, description = HallOption.DESCRIPTION)
    String hall;

    @Reference
    Session session;

    @Argument(index = 0, name = "window", description = "The window number in the hall, e.g. 1 to 192 in the default hall", required = true)
    int window;

    @Override
    public Object execute() {
        try {
            // a clerk's hold on the window is checked inside the call's own transaction
            String hallId = HallOption.of(halls, hall);
            WindowDesk inHall = Hall.DEFAULT_ID.equals(hallId) ? desk : desk.inHall(hallId);
            WindowDesk acting = actsAtAnyWindow() ? inHall : inHall.as(ShellAudit.actor(session));
            acting.callNext(window).ifPresentOrElse(
                    t -> System.out.println("请" + t.number() + "号到" + window + "号窗口办理 (" + t.number() + " → window " + window
                            + HallOption.suffix(hallId) + ")"),
                    () -> System.out.println("Nobody is waiting for window " + window + HallOption.suffix(hallId) + "."));
        } catch (QueueException e) {
            throw new IllegalStateException(e.getMessage());
        }
        return null;
    }

    /** @return whether the console user holds the admin or operator role */
    @SuppressWarnings("removal")
    private static boolean actsAtAnyWindow() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return subject != null && subject.getPrincipals(RolePrincipal.class).stream()
                .anyMatch(p -> p.getName().equals("admin") || p.getName().equals("operator"));
    }
}
