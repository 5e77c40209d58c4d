package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;

/** {@code onedoor:audit-verify}: checks the audit trail's hash chain and names the first altered or missing record. */
@Command(scope = "onedoor", name = "audit-verify", description = "Checks the audit trail's hash chain; names the first altered or missing record if it is broken")
@Service
public class AuditVerifyCommand implements Action {

    @Reference
    AuditTrail audit;

    @Reference
    Session session;

    @Override
    public Object execute() {
        AuditVerification v = audit.verify();
        ShellAudit.record(audit, session, "audit-verify", "audit_record", v.intact() ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
                v.intact() ? v.checked() + " records intact" : "broken at record " + v.firstBrokenId() + " (" + v.problem() + ")");
        if (v.intact()) {
            System.out.println("审计链完整：已核对 " + v.checked() + " 条记录。 / Audit trail intact: " + v.checked() + " records checked.");
            return null;
        }
        System.out.println("审计链已断开 / AUDIT TRAIL BROKEN");
        System.out.println("  首个问题记录 / first broken record: " + v.firstBrokenId() + " (" + v.problem() + ")");
        System.out.println("  " + v.detail());
        System.out.println("  已核对 / checked: " + v.checked());
        throw new IllegalStateException("审计链在记录 " + v.firstBrokenId() + " 处断开，请保全数据库并上报。 / The audit trail is broken at record "
                + v.firstBrokenId() + ": secure the database and report it.");
    }
}
