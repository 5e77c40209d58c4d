package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.WindowSession;

/** {@code onedoor:queue [--hall <hall>] [zone]}: who waits in a hall, in calling order, and what its windows do. */
@Command(scope = "onedoor", name = "queue", description = "Shows the waiting tickets in calling order and the signed-in windows")
@Service
public class QueueCommand implements Action {

    @Reference
    HallQueue queue;

    @Reference
    HallDirectory halls;

    @Option(name = HallOption.NAME, description = HallOption.DESCRIPTION)
    String hall;

    @Argument(index = 0, name = "zone", description = "Only this zone's queue, e.g. police")
    @Completion(ZoneIdCompleter.class)
    String zone;

    @Override
    public Object execute() {
        String hallId = HallOption.of(halls, hall);
        HallQueue queue = Hall.DEFAULT_ID.equals(hallId) ? this.queue : this.queue.inHall(hallId);
        List<Ticket> waiting = queue.waitingTickets(zone == null ? "" : zone);
        ShellTable tickets = new ShellTable();
        tickets.column("#");
        tickets.column("Ticket");
        tickets.column("Zone");
        tickets.column("Class");
        tickets.column("Issued");
        int i = 0;
        for (Ticket t : waiting) {
            tickets.addRow().addContent(++i, t.number(), t.zoneId(), t.priority() + (t.greenReason().isEmpty() ? "" : " " + t.greenReason())
                    + (t.forWindow() != 0 ? " → window " + t.forWindow() : ""), t.issuedAt());
        }
        tickets.print(System.out);
        System.out.println(waiting.size() + " waiting" + (zone == null ? "" : " in " + zone) + HallOption.suffix(hallId));
        ShellTable windows = new ShellTable();
        windows.column("Window");
        windows.column("Zone");
        windows.column("Clerk");
        windows.column("State");
        for (WindowSession s : queue.windows()) {
            if (zone != null && !zone.equals(s.zoneId()) && !"universal".equals(s.zoneId())) {
                continue;
            }
            windows.addRow().addContent(s.windowNumber(), s.zoneId(), s.clerk(), s.paused() ? "paused"
                    : s.current().map(t -> t.status() + " " + t.number()).orElse("free"));
        }
        windows.print(System.out);
        return null;
    }
}
