package org.onedoor.shell.internal;

import java.time.LocalDate;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.hall.HallClock;
import org.onedoor.api.matter.MatterChange;
import org.onedoor.api.matter.MatterChanges;

/** {@code onedoor:matter-changes}: adjustments awaiting the hall's confirmation, with their deadlines. */
@Command(scope = "onedoor", name = "matter-changes",
        description = "Lists matter adjustments awaiting the hall's confirmation (R7), or the announced ones")
@Service
public class MatterChangesCommand implements Action {

    @Reference
    MatterChanges changes;

    @Reference
    HallClock clock;

    @Option(name = "-a", aliases = "--announced", description = "List the confirmed (announced) adjustments instead")
    boolean announced;

    @Override
    public Object execute() {
        LocalDate today = clock.today();
        ShellTable table = new ShellTable();
        table.column("#");
        table.column("Kind");
        table.column("Matter");
        table.column("Name");
        table.column("Effective");
        table.column(announced ? "In force" : "Confirm by");
        for (MatterChange c : announced ? changes.announcements() : changes.awaitingConfirmation()) {
            table.addRow().addContent(c.id(), c.kind().chinese(), c.code(), c.matter().nameZh(), c.effectiveDate(),
                    announced ? (c.inForceOn(today) ? "yes" : "from " + c.effectiveDate())
                            : c.confirmBy() + (c.overdueOn(today) ? " OVERDUE" : ""));
        }
        table.print(System.out);
        return null;
    }
}
