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
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;

/** {@code onedoor:cases [-d A17] [-s ACCEPTED] [-n 50]}: the newest cases with their time lights. */
@Command(scope = "onedoor", name = "cases", description = "Lists the newest cases (办件) with state, deadline and time light")
@Service
public class CasesCommand implements Action {

    @Reference
    HallCases cases;

    @Reference
    CaseSupervision supervision;

    @Option(name = "-d", aliases = "--department", description = "Only this department's cases, e.g. A17")
    String department;

    @Option(name = "-s", aliases = "--state", description = "Only cases in this state: ACCEPTED, SPECIAL_STEPS, APPROVED, REJECTED, RESULT_READY, DELIVERED, CLOSED")
    String state;

    @Option(name = "-n", aliases = "--limit", description = "At most this many (1-500, default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        Optional<CaseState> s;
        try {
            s = state == null ? Optional.empty() : Optional.of(CaseState.valueOf(state.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            System.err.println("Unknown state '" + state + "'; use one of " + List.of(CaseState.values()));
            return null;
        }
        if (limit < 1 || limit > 500) {
            System.err.println("--limit must be 1 to 500");
            return null;
        }
        List<HallCase> found = cases.cases(new CaseQuery(Optional.ofNullable(department).map(d -> d.toUpperCase(Locale.ROOT)), s, limit));
        ShellTable table = new ShellTable();
        table.column("Case");
        table.column("Matter");
        table.column("Applicant");
        table.column("State");
        table.column("Deadline");
        table.column("Light");
        table.column("Missing");
        for (HallCase h : found) {
            String light = supervision.timing(h).light().name();
            table.addRow().addContent(h.number(), h.matterCode(), h.applicantIdMasked(), h.state(), h.deadline(), light,
                    String.join("、", h.missingMaterials()));
        }
        table.print(System.out);
        System.out.println(found.size() + " case(s)");
        return null;
    }
}
