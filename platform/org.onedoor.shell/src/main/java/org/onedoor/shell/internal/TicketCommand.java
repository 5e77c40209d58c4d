package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.HallQueue;
import org.onedoor.api.queue.Ticket;

/** {@code onedoor:ticket [--hall <hall>] <number>}: one of a hall's tickets of today and where it stands. */
@Command(scope = "onedoor", name = "ticket", description = "Shows one of today's tickets, e.g. onedoor:ticket G012")
@Service
public class TicketCommand implements Action {

    @Reference
    HallQueue queue;

    @Reference
    HallDirectory halls;

    @Option(name = HallOption.NAME, description = HallOption.DESCRIPTION)
    String hall;

    @Argument(index = 0, name = "number", description = "Today's ticket number, e.g. G012", required = true)
    String number;

    @Override
    public Object execute() {
        String hallId = HallOption.of(halls, hall);
        HallQueue queue = Hall.DEFAULT_ID.equals(hallId) ? this.queue : this.queue.inHall(hallId);
        Ticket t = queue.ticketByNumber(number).orElseThrow(() -> new IllegalArgumentException("No ticket " + number + " today"
                + HallOption.suffix(hallId) + ". See onedoor:queue for the waiting tickets."));
        System.out.println(t.number() + HallOption.suffix(hallId) + "  zone " + t.zoneId() + "  " + t.status() + "  class " + t.priority()
                + (t.windowNumber() != 0 ? "  window " + t.windowNumber() : "") + "  issued " + t.issuedAt());
        queue.waiting(t.id()).ifPresent(w -> System.out.println("position " + w.position() + ", about "
                + w.estimatedWaitMinutes() + " min to wait"));
        return null;
    }
}
