package org.onedoor.shell.internal;

import org.apache.karaf.shell.api.console.Session;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditTrail;

/** Records console actions in the audit trail, with the console user as actor and {@code console} as origin. */
final class ShellAudit {

    private ShellAudit() {
    }

    /** @return the console session's user, or {@code console} when the session names none */
    static String actor(Session session) {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }

    static void record(AuditTrail audit, Session session, String action, String target, String outcome, String detail) {
        audit.record(new AuditEvent(action, actor(session), "console", target, outcome, detail));
    }
}
