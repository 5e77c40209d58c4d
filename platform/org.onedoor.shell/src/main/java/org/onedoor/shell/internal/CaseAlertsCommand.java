package org.onedoor.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.SupervisionAlert;

/** {@code onedoor:case-alerts [department]}: what supervision must look at now. */
@Command(scope = "onedoor", name = "case-alerts", description = "Lists supervision alerts: yellow and red cases, late officers, units due for conversion")
@Service
public class CaseAlertsCommand implements Action {

    @Reference
    CaseSupervision supervision;

    @Argument(index = 0, name = "department", description = "Only this department, e.g. A17")
    String department;

    @Override
    public Object execute() {
        List<SupervisionAlert> alerts = supervision.alerts(department == null ? "" : department);
        ShellTable table = new ShellTable();
        table.column("Department");
        table.column("Kind");
        table.column("Subject");
        table.column("Detail");
        for (SupervisionAlert a : alerts) {
            table.addRow().addContent(a.departmentId(), a.kind(), a.subject(), a.detail());
        }
        table.print(System.out);
        System.out.println(alerts.size() + " alert(s)");
        return null;
    }
}
