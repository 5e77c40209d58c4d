package org.onedoor.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.cases.Complaint;
import org.onedoor.api.cases.ComplaintState;
import org.onedoor.api.cases.Complaints;

/** {@code onedoor:complaints [-s state] [-d unit] [-n limit]}: the hall's complaints, newest first (R20); read-only. */
@Command(scope = "onedoor", name = "complaints", description = "Lists complaints, newest first: state, unit, due day, escalation (read-only)")
@Service
public class ComplaintsCommand implements Action {

    @Reference
    Complaints complaints;

    @Option(name = "-s", aliases = "--state", description = "Only this state: RECEIVED, ASSIGNED, REPLIED or CLOSED")
    String state;

    @Option(name = "-d", aliases = "--department", description = "Only complaints against this unit, e.g. A17")
    String department;

    @Option(name = "-n", aliases = "--limit", description = "At most this many (1 to 500, default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        Optional<ComplaintState> only;
        try {
            only = state == null ? Optional.empty() : Optional.of(ComplaintState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            System.err.println("Unknown state '" + state + "': use RECEIVED, ASSIGNED, REPLIED or CLOSED");
            return null;
        }
        if (limit < 1 || limit > 500) {
            System.err.println("The limit is 1 to 500, e.g. -n 100");
            return null;
        }
        List<Complaint> list = complaints.list(only, department == null ? "" : department.strip().toUpperCase(Locale.ROOT), limit);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Number", "State", "Kind", "Channel", "Unit", "Due", "Escalated", "Phone"}) {
            table.column(column);
        }
        for (Complaint c : list) {
            table.addRow().addContent(c.number(), c.state(), c.kind().chinese(), c.channel().chinese(),
                    c.departmentId().isEmpty() ? "-" : c.departmentId(), c.replyDue(), c.escalatedAt().isPresent() ? "yes" : "",
                    c.maskedPhone());
        }
        table.print(System.out);
        System.out.println(list.size() + " complaint(s)");
        return null;
    }
}
