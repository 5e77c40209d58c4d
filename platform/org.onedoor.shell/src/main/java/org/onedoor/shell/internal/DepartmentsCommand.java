package org.onedoor.shell.internal;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.MatterCatalog;

/** {@code onedoor:departments}: the hall's units with their matter counts. */
@Command(scope = "onedoor", name = "departments", description = "Lists the hall's units and how many matters each offers now")
@Service
public class DepartmentsCommand implements Action {

    @Reference
    DepartmentDirectory departments;

    @Reference
    MatterCatalog catalog;

    @Override
    public Object execute() {
        Map<String, Integer> counts = catalog.countsByDepartment();
        ShellTable table = new ShellTable();
        table.column("Unit");
        table.column("Name");
        table.column("Entry");
        table.column("Zone");
        table.column("Entering");
        table.column("Offered");
        int total = 0;
        for (Department d : departments.departments()) {
            int offered = counts.getOrDefault(d.id(), 0);
            total += offered;
            table.addRow().addContent(d.id(), d.nameZh(), d.entryMode() == org.onedoor.api.hall.EntryMode.MATTERS_ONLY
                    ? "matters only" : "staff and matters", d.zoneId(), d.enteringMatters(), offered);
        }
        table.print(System.out);
        System.out.println(total + " matters offered by " + departments.departments().size() + " units");
        return null;
    }
}
