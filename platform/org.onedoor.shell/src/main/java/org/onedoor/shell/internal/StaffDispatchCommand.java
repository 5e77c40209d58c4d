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
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.staff.DispatchForm;
import org.onedoor.api.staff.FormState;
import org.onedoor.api.staff.StaffException;
import org.onedoor.api.staff.StaffRegistry;
import org.onedoor.api.user.HallUsers;

/**
 * {@code onedoor:staff-dispatch [-s state] [-u unit] [--approve id [--agreement text]] [--reject id --reason text]}:
 * the dispatch and withdrawal forms (R15), awaiting the hall's sign-off by default; approves or refuses one as the
 * console's user, with that user's roles in the hall (admin or supervisor signs); the registry audits it.
 */
@Command(scope = "onedoor", name = "staff-dispatch", description = "Lists dispatch/withdrawal forms (default: awaiting the hall); approves or refuses one")
@Service
public class StaffDispatchCommand implements Action {

    @Reference
    StaffRegistry registry;

    @Reference
    HallUsers users;

    @Reference
    Session session;

    @Option(name = "-s", aliases = "--state", description = "AWAITING_HALL (default), APPROVED, REJECTED or ALL")
    String state = "AWAITING_HALL";

    @Option(name = "-u", aliases = "--unit", description = "Only the forms of this unit, e.g. A17")
    String unit;

    @Option(name = "--approve", description = "Sign off the form with this id for the hall")
    long approve;

    @Option(name = "--agreement", description = "The hall's recorded agreement (document number) for a chief leaving within two years")
    String agreement;

    @Option(name = "--reject", description = "Refuse the form with this id")
    long reject;

    @Option(name = "--reason", description = "Why the form is refused")
    String reason;

    @Override
    public Object execute() {
        try {
            if (approve > 0 || reject > 0) {
                HallPrincipal actor = principal();
                DispatchForm f = approve > 0 ? registry.approve(approve, Optional.ofNullable(agreement), actor, "console")
                        : registry.reject(reject, reason, actor, "console");
                System.out.println("表单 " + f.id() + " " + f.kind().chinese() + " " + f.state() + " (form " + f.id() + " " + f.kind().english()
                        + " " + f.state() + ")");
                return null;
            }
        } catch (StaffException e) {
            System.err.println(e.code() + ": " + e.getMessage());
            return null;
        }
        Optional<FormState> only;
        try {
            only = "ALL".equalsIgnoreCase(state) ? Optional.empty() : Optional.of(FormState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            System.err.println("Unknown state '" + state + "': use AWAITING_HALL, APPROVED, REJECTED or ALL");
            return null;
        }
        List<DispatchForm> forms = registry.forms(only, unit == null || unit.isBlank() ? Optional.empty()
                : Optional.of(unit.strip().toUpperCase(Locale.ROOT)));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Form", "Kind", "Staff", "Unit", "Filed by", "Filed", "State", "Decided by", "Agreement"}) {
            table.column(column);
        }
        for (DispatchForm f : forms) {
            table.addRow().addContent(f.id(), f.kind().chinese(), f.staffId(), f.unitId(), f.filedBy(), f.filedAt(), f.state(),
                    f.decidedBy().orElse("-"), f.hallAgreement().orElse(""));
        }
        table.print(System.out);
        System.out.println(forms.size() + " form(s)");
        return null;
    }

    private HallPrincipal principal() {
        return ConsoleSigner.of(session, users);
    }
}
