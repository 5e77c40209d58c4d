package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.WindowDesk;

/** {@code onedoor:call-next <window>}: calls the next ticket to a signed-in window. */
@Command(scope = "onedoor", name = "call-next", description = "Calls the next ticket to a window whose clerk is signed in")
@Service
public class CallNextCommand implements Action {

    @Reference
    WindowDesk desk;

    @Argument(index = 0, name = "window", description = "The window number, 1 to 192", required = true)
    int window;

    @Override
    public Object execute() {
        try {
            desk.callNext(window).ifPresentOrElse(
                    t -> System.out.println("请" + t.number() + "号到" + window + "号窗口办理 (" + t.number() + " → window " + window + ")"),
                    () -> System.out.println("Nobody is waiting for window " + window + "."));
        } catch (QueueException e) {
            throw new IllegalStateException(e.getMessage());
        }
        return null;
    }
}
