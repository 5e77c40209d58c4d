-- The audit trail becomes one hash chain: each record carries the node that wrote it, the hash of
-- the record before it and its own hash (SHA-256, encoding in docs/security.md). The row of
-- audit_chain is the chain's head: every append locks it (SELECT ... FOR UPDATE), so nodes that
-- share the database append one after another to a single chain. Records written before this
-- migration have no hash yet; the first node that starts on it chains them, in id order, from
-- the genesis hash (64 zeros) under the same lock.
ALTER TABLE audit_record ADD COLUMN node VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE audit_record ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_record ADD COLUMN record_hash VARCHAR(64);

CREATE TABLE audit_chain (
    chain      VARCHAR(16) NOT NULL PRIMARY KEY,
    last_id    BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (chain, last_id, last_hash)
    VALUES ('hall', 0, '0000000000000000000000000000000000000000000000000000000000000000');
