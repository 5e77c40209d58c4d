package org.onedoor.shell.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.staff.Duty;
import org.onedoor.api.staff.DutyKind;
import org.onedoor.api.staff.StaffDuties;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.user.HallUsers;

/**
 * {@code onedoor:staff-duty [-u unit] [--assign staffId --duty APPROVAL|SUPERVISION --unit A17 [--matter code]] [--end id]}:
 * the approval and supervision duties in force (R17); assigns or ends one as the console's user. A refusal
 * under R17 prints {@code duties-kept-apart} with the rule named.
 */
@Command(scope = "onedoor", name = "staff-duty", description = "Lists approval/supervision duties (R17); assigns or ends one")
@Service
public class StaffDutyCommand implements Action {

    @Reference
    StaffDuties duties;

    @Reference
    HallUsers users;

    @Reference
    Session session;

    @Option(name = "-u", aliases = "--unit", description = "The unit: whose duties to list, or whose matters the assigned duty covers")
    String unit;

    @Option(name = "--assign", description = "Assign a duty to the staff member with this id")
    long assign;

    @Option(name = "--duty", description = "APPROVAL or SUPERVISION")
    String duty;

    @Option(name = "--matter", description = "One matter of the unit (default: every matter of the unit)")
    String matter;

    @Option(name = "--end", description = "End the duty with this id")
    long end;

    @Override
    public Object execute() {
        String u = unit == null ? "" : unit.strip().toUpperCase(Locale.ROOT);
        try {
            if (assign > 0) {
                DutyKind kind;
                try {
                    kind = DutyKind.valueOf(duty == null ? "" : duty.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    System.err.println("--duty: APPROVAL 或 SUPERVISION (use APPROVAL or SUPERVISION)");
                    return null;
                }
                Duty d = duties.assign(assign, kind, u, matter == null ? "" : matter, ConsoleSigner.of(session, users), "console");
                System.out.println("职责 #" + d.id() + " " + d.realName() + " " + d.kind().chinese() + " " + d.unitId()
                        + (d.matterCode().isEmpty() ? "" : " " + d.matterCode()) + " (duty " + d.id() + " " + d.kind().english() + " assigned)");
                return null;
            }
            if (end > 0) {
                Duty d = duties.end(end, ConsoleSigner.of(session, users), "console");
                System.out.println("职责 #" + d.id() + " 已结束 (duty " + d.id() + " ended)");
                return null;
            }
        } catch (StaffException e) {
            System.err.println(e.code() + ": " + e.getMessage());
            return null;
        }
        List<Duty> list = duties.duties(u.isEmpty() ? Optional.empty() : Optional.of(u));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Duty", "Staff", "Name", "User", "Kind", "Unit", "Matter", "Assigned by"}) {
            table.column(column);
        }
        for (Duty d : list) {
            table.addRow().addContent(d.id(), d.staffId(), d.realName(), d.userName(), d.kind().chinese(), d.unitId(),
                    d.matterCode().isEmpty() ? "全部 (all)" : d.matterCode(), d.assignedBy());
        }
        table.print(System.out);
        System.out.println(list.size() + " duty(ies)");
        return null;
    }
}
