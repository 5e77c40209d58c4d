package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterQuery;

/** {@code onedoor:matters}: the matters offered now, filtered by unit, zone or text. */
@Command(scope = "onedoor", name = "matters", description = "Lists the matters offered now")
@Service
public class MattersCommand implements Action {

    @Reference
    MatterCatalog catalog;

    @Reference
    DepartmentDirectory departments;

    @Option(name = "-d", aliases = "--department", description = "Only this unit's matters, e.g. A17")
    String department;

    @Option(name = "-z", aliases = "--zone", description = "Only matters received in this zone")
    String zone;

    @Option(name = "-n", aliases = "--max", description = "Show at most this many (default 50)")
    int max = 50;

    @Argument(index = 0, name = "text", description = "Text to find in the code or name, e.g. 护照")
    String text;

    @Override
    public Object execute() {
        if (department != null && departments.department(department).isEmpty()) {
            throw new IllegalArgumentException("Unknown unit '" + department + "'. See onedoor:departments for the unit ids.");
        }
        List<Matter> found = catalog.matters(new MatterQuery(department, zone, text));
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Type");
        table.column("Days");
        table.column("Window sign-off");
        for (Matter m : found.subList(0, Math.min(Math.max(0, max), found.size()))) {
            table.addRow().addContent(m.code(), m.nameZh(), m.type().chinese(),
                    m.slot() ? "目录占位 slot" : m.immediate() ? "即办" : m.committedDays() + "/" + m.statutoryDays(), m.windowSignOffAllowed() ? "yes" : "no");
        }
        table.print(System.out);
        System.out.println(found.size() + " matter(s)" + (found.size() > max ? ", " + max + " shown (use --max)" : ""));
        return null;
    }
}
