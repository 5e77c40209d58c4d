package org.onedoor.shell.internal;

import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseSupervision;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.HallCases;

/** {@code onedoor:case <number>}: one case in full, with its trace. */
@Command(scope = "onedoor", name = "case", description = "Shows one case (办件): matter, applicant (masked), materials, state, time limit and its whole trace")
@Service
public class CaseCommand implements Action {

    @Reference
    HallCases cases;

    @Reference
    CaseSupervision supervision;

    @Argument(index = 0, name = "number", required = true, description = "The case number, e.g. A17-20261127-0001")
    String number;

    @Override
    public Object execute() {
        Optional<HallCase> found = cases.find(number.toUpperCase(Locale.ROOT));
        if (found.isEmpty()) {
            System.err.println("No case " + number + "; onedoor:cases lists the newest ones");
            return null;
        }
        HallCase h = found.get();
        System.out.println(h.number() + (h.bundleNumber().isEmpty() ? "" : "  (bundle " + h.bundleNumber() + ")"));
        System.out.println("  Matter:     " + h.matterCode() + " " + h.matterNameZh() + " (revision " + h.matterRevision() + ")");
        System.out.println("  Applicant:  " + h.applicantName() + " " + h.applicantIdMasked());
        System.out.println("  Accepted:   " + h.acceptedAt() + " by " + h.acceptedBy() + (h.window() > 0 ? " at window " + h.window() : " online")
                + (h.ticketNumber().isEmpty() ? "" : ", ticket " + h.ticketNumber()));
        System.out.println("  State:      " + h.state() + " " + h.state().chinese() + "; may move to " + h.state().next());
        supervision.timing(h.number()).ifPresent(t -> System.out.println("  Time limit: " + h.committedDays() + " working days, deadline "
                + h.deadline() + ", used " + t.usedDays() + ", light " + t.light()));
        if (!h.missingMaterials().isEmpty()) {
            System.out.println("  Missing:    " + String.join("、", h.missingMaterials()) + " (due " + h.supplyBy().map(Object::toString).orElse("") + ")");
        }
        if (!h.pendingSteps().isEmpty()) {
            System.out.println("  Steps:      " + h.pendingSteps());
        }
        h.decision().ifPresent(d -> System.out.println("  Decision:   " + d + " by " + h.decidedBy() + (h.signedOffAtWindow() ? " at the window" : "")
                + (h.decisionReason().isEmpty() ? "" : ": " + h.decisionReason())));
        h.deliveryMethod().ifPresent(m -> System.out.println("  Delivery:   " + m + " " + h.deliveryDetail() + " " + h.trackingNumber()));
        h.mail().ifPresent(m -> System.out.println("  Mail to:    " + m.line() + m.carrier().map(c -> " " + c.chinese()).orElse("")
                + (m.atAcceptance() ? " (recorded at acceptance: mailed unless the applicant asks otherwise)" : "")));
        ShellTable trace = new ShellTable();
        trace.column("At");
        trace.column("Who");
        trace.column("Where");
        trace.column("Action");
        trace.column("State");
        trace.column("Detail");
        for (CaseHistoryEntry e : cases.history(h.number())) {
            trace.addRow().addContent(e.at(), e.actor(), e.origin(), e.action(), e.state(), e.detail());
        }
        trace.print(System.out);
        return null;
    }
}
