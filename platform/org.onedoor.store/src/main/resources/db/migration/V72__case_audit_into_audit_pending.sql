-- The audit events of case changes are held in the generalized audit outbox (audit_pending, V70)
-- like those of every other area. What a node left in case_audit_pending is moved there, still
-- unclaimed and with its time, so that the audit sweep records it (at least once); the old table goes.
-- (Numbered after V70: it needs audit_pending.)
INSERT INTO audit_pending (action, actor, origin, target, outcome, detail, created_at, claimed_at)
    SELECT action, actor, origin, target, outcome, detail, created_at, NULL FROM case_audit_pending ORDER BY id;
DROP TABLE case_audit_pending;
