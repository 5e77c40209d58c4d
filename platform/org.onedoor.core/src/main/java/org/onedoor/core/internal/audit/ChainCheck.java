package org.onedoor.core.internal.audit;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditVerification;

/**
 * Walks the audit chain oldest record first, a page at a time, and stops at the first record that
 * does not hold: its fields do not give its hash, it does not link to the record before it, or the
 * chain ends before its head.
 */
final class ChainCheck {

    private static final int PAGE = 1000;

    private ChainCheck() {
    }

    static AuditVerification run(Handle h) {
        ChainHead head = ChainHead.peek(h);
        long checked = 0;
        long prevId = 0;
        String prevHash = AuditHash.GENESIS;
        while (true) {
            List<ChainedRow> page = h.createQuery("SELECT " + ChainedRow.COLUMNS
                    + " FROM audit_record WHERE id > :after AND id <= :last ORDER BY id LIMIT :page")
                    .bind("after", prevId).bind("last", head.lastId()).bind("page", PAGE)
                    .map(ChainedRow.MAPPER).list();
            for (ChainedRow row : page) {
                checked++;
                AuditVerification broken = check(row, prevId, prevHash, checked);
                if (broken != null) {
                    return broken;
                }
                prevId = row.id();
                prevHash = row.hash();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (prevId != head.lastId()) {
            return AuditVerification.broken(checked, prevId + 1, AuditVerification.MISSING,
                    "记录 " + (prevId + 1) + " 起缺失：链头是记录 " + head.lastId() + "，但记录只到 " + prevId
                    + " / records from " + (prevId + 1) + " are missing: the chain's head is record " + head.lastId()
                    + " but the trail ends at " + prevId);
        }
        if (!prevHash.equals(head.lastHash())) {
            return AuditVerification.broken(checked, prevId, AuditVerification.UNLINKED,
                    "记录 " + prevId + " 的哈希与链头记下的不同：它被改动后重算了哈希 / record " + prevId
                    + "'s hash differs from the one the chain's head holds: it was altered and its hash recomputed");
        }
        return AuditVerification.intact(checked);
    }

    /** @return null when the row holds, else what is wrong with it */
    private static AuditVerification check(ChainedRow row, long prevId, String prevHash, long checked) {
        long id = row.id();
        if (row.hash() == null || row.prevHash() == null) {
            return AuditVerification.broken(checked, id, AuditVerification.ALTERED,
                    "记录 " + id + " 的哈希被删除 / record " + id + " has lost its hash");
        }
        if (!AuditHash.of(row).equals(row.hash())) {
            return AuditVerification.broken(checked, id, AuditVerification.ALTERED,
                    "记录 " + id + " 的内容与其哈希不符（内容或哈希被改动） / record " + id
                    + "'s fields do not give its stored hash (a field or the hash was changed)");
        }
        if (!row.prevHash().equals(prevHash)) {
            if (id != prevId + 1) {
                return AuditVerification.broken(checked, prevId + 1, AuditVerification.MISSING,
                        "记录 " + (prevId + 1) + (id - 1 > prevId + 1 ? " 至 " + (id - 1) : "") + " 缺失：记录 " + id
                        + " 链接的不是记录 " + prevId + " / record " + (prevId + 1) + (id - 1 > prevId + 1 ? " to " + (id - 1) : "")
                        + " is missing: record " + id + " does not link to record " + prevId);
            }
            if (prevId == 0) {
                return AuditVerification.broken(checked, id, AuditVerification.UNLINKED,
                        "记录 " + id + " 是第一条，但没有链接到创世哈希 / record " + id
                        + " is the first but does not link to the genesis hash");
            }
            return AuditVerification.broken(checked - 1, prevId, AuditVerification.UNLINKED,
                    "记录 " + prevId + " 的哈希与记录 " + id + " 所链接的不同：记录 " + prevId + " 被改动后重算了哈希（或记录 " + id
                    + " 的链接被改写） / record " + prevId + "'s hash is not the one record " + id + " links to: record " + prevId
                    + " was altered and its hash recomputed (or record " + id + "'s link was rewritten)");
        }
        return null;
    }
}
