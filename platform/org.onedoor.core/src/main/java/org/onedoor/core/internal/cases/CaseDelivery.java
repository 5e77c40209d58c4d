package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.MailAddress;
import org.onedoor.api.locker.LockerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handing results over (R11), of one case or of a whole bundle: at the issuance window, by mail, or
 * into a pickup locker, where the locker deposit is made first and withdrawn again when the
 * delivery is not recorded; and the citizen's pickup from the locker, which closes the case.
 */
final class CaseDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(CaseDelivery.class);

    private final CaseStore store;
    private final CaseChanges changes;
    private final CaseLockers lockers;

    CaseDelivery(CaseStore store, CaseChanges changes, CaseLockers lockers) {
        this.store = store;
        this.changes = changes;
        this.lockers = lockers;
    }

    private Optional<HallCase> find(String number) {
        return store.read((h, tx) -> CaseRows.load(h, number, false));
    }

    /**
     * Delivers one case's result; into a locker, the deposit is made first, outside the case's
     * transaction, and withdrawn again when the delivery is not recorded.
     */
    HallCase deliver(String number, Delivery delivery, CaseActor actor) {
        if (delivery.method() != DeliveryMethod.PICKUP_LOCKER) {
            return changes.move(number, actor, WindowBinding.Use.of(delivery), "case-deliver", "DELIVERED", (h, tx, before) -> {
                CaseRules.requireDeliverable(before);
                return deliverOne(h, tx, before.number(), delivery, null) + fee(tx, before, delivery);
            });
        }
        HallCase current = find(number == null ? "" : number.strip())
                .orElseThrow(() -> CaseStore.notFound("unknown-case", "没有办件 " + number));
        CaseRules.requireDeliverable(current);
        store.read((h, tx) -> WindowBinding.Use.of(delivery).bind(h, actor));
        CaseLockers.Placed placed = deposit(delivery, current.number(), actor);
        try {
            return changes.move(current.number(), actor, WindowBinding.Use.of(delivery), "case-deliver", "DELIVERED", (h, tx, before) -> {
                CaseRules.requireDeliverable(before);
                return deliverOne(h, tx, before.number(), delivery, placed) + fee(tx, before, delivery);
            });
        } catch (RuntimeException e) {
            if (!holds(current.number(), placed)) {
                lockers.withdraw(placed, "delivery of " + current.number() + " not recorded: " + e.getMessage());
            }
            throw e;
        }
    }

    /**
     * @return true when the case did record the deposit (its transaction committed although the call
     *         failed afterwards, e.g. the commit's answer was lost); then the deposit must stay
     */
    private boolean holds(String number, CaseLockers.Placed placed) {
        try {
            return find(number).map(h -> h.state() != CaseState.RESULT_READY && placed.pickupCode().equals(h.pickupCode())).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String fee(CaseStore.Tx tx, HallCase before, Delivery d) {
        return d.feeCharged().isEmpty() ? "" : CaseAlerts.fee(tx, before, CaseState.DELIVERED, d.feeCharged().get());
    }

    /** Deposits into a locker; a refusal is recorded in the audit trail and leaves the case as it was. */
    private CaseLockers.Placed deposit(Delivery delivery, String reference, CaseActor actor) {
        try {
            return lockers.deposit(delivery, reference, actor.user());
        } catch (CaseException e) {
            changes.refusedAudit("case-deliver", actor, reference, e);
            throw e;
        }
    }

    /**
     * Records the delivery of one case; {@code placed} is the locker deposit holding its result, for PICKUP_LOCKER. A MAIL
     * delivery goes to the address it names or to the one recorded at acceptance (R13); a case to be mailed (recorded at
     * acceptance, the 365 holiday default, R14) is handed over otherwise only at the applicant's recorded request.
     *
     * @return the history's line, the address masked
     */
    private static String deliverOne(Handle h, CaseStore.Tx tx, String number, Delivery d, CaseLockers.Placed placed) {
        Optional<CaseMails.Stored> mail = CaseMails.find(h, number);
        String asked = asked(mail, d);
        boolean locker = d.method() == DeliveryMethod.PICKUP_LOCKER;
        String detail = switch (d.method()) {
            case PICKUP_LOCKER -> lockerDetail(d, placed);
            case MAIL -> mailed(tx, number, d, mail);
            case ISSUANCE_WINDOW -> d.detail();
        };
        CaseUpdate.DELIVERY.apply(h, number, CaseState.DELIVERED, d.method().name(), detail, d.method() == DeliveryMethod.MAIL ? d.trackingNumber() : "",
                locker ? placed.pickupCode() : "", Timestamp.from(tx.at()), locker ? placed.cabinetId() : null, locker ? placed.depositId() : null);
        String line = switch (d.method()) {
            case ISSUANCE_WINDOW -> "统一出件窗口送达" + (d.detail().isEmpty() ? "" : "（" + d.detail() + "）");
            case PICKUP_LOCKER -> "放入自助取件柜：" + detail + "，寄存 " + placed.depositId() + "，取件码已交申请人";
            case MAIL -> "免费邮寄（" + d.carrierOrDefault().chinese() + "），快递单号 " + d.trackingNumber() + "，寄至 " + detail;
        };
        return line + asked;
    }

    /** @return the masked address line a MAIL delivery records, after storing the address in full and the carrier */
    private static String mailed(CaseStore.Tx tx, String number, Delivery d, Optional<CaseMails.Stored> stored) {
        MailAddress a = d.mailTo().or(() -> stored.map(CaseMails.Stored::address)).orElseThrow(() -> new CaseException(
                CaseException.Reason.INVALID, "mail-address-required", "免费邮寄须登记收件人、电话和邮寄地址（办件 " + number
                + " 受理时未登记） / a mail delivery needs the recipient, phone and postal address", "mail"));
        CaseMails.mailed(tx.handle(), number, a, d.carrierOrDefault(), tx.at());
        String line = a.masked(Optional.of(d.carrierOrDefault()), stored.map(CaseMails.Stored::atAcceptance).orElse(false)).line();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    /**
     * @return the note of the applicant's request when a case to be mailed is handed over otherwise, else empty
     * @throws CaseException INVALID {@code mail-by-default} naming {@code applicantAsked} when such a request is not recorded
     */
    private static String asked(Optional<CaseMails.Stored> mail, Delivery d) {
        boolean toBeMailed = mail.map(CaseMails.Stored::atAcceptance).orElse(false);
        if (!toBeMailed || d.method() == DeliveryMethod.MAIL) {
            return "";
        }
        if (d.applicantAsked().isEmpty()) {
            throw new CaseException(CaseException.Reason.INVALID, "mail-by-default", "此办件受理时登记了免费邮寄"
                    + (mail.get().holiday() ? "（节假日受理，365服务默认邮寄，R14）" : "") + "；申请人要求改为" + label(d.method())
                    + "时，请登记其要求（applicantAsked） / the case is to be mailed: record the applicant's request to receive it otherwise",
                    "applicantAsked");
        }
        return "；申请人要求不邮寄，改为" + label(d.method()) + "：" + d.applicantAsked();
    }

    private static String label(DeliveryMethod m) {
        return switch (m) {
            case ISSUANCE_WINDOW -> "出件窗口领取";
            case PICKUP_LOCKER -> "智能柜领取";
            case MAIL -> "邮寄";
        };
    }

    /** Where the citizen finds the result: cabinet and door, and the clerk's note when it is not just the cabinet's id. */
    static String lockerDetail(Delivery d, CaseLockers.Placed placed) {
        String where = "智能柜 " + placed.cabinetId() + " 第 " + placed.door() + " 号柜门";
        String note = d.detail().equals(placed.cabinetId()) ? "" : d.detail();
        String detail = note.isEmpty() ? where : where + "（" + note + "）";
        return detail.length() > 200 ? detail.substring(0, 200) : detail;
    }

    /**
     * A citizen opened a locker door with the pickup code: each case whose result the deposit held is
     * closed (the handover is complete, nobody else is there to close it), the pickup is in its
     * history and audit, and its pickup code, no longer of use, is erased. Repeated events change nothing.
     */
    void pickedUp(LockerEvent e) {
        int found = changes.change((h, tx) -> {
            List<String> numbers = h.createQuery("SELECT case_no FROM hall_case WHERE locker_cabinet = :cabinet "
                    + "AND locker_deposit_id = :deposit AND pickup_code <> '' ORDER BY case_no")
                    .bind("cabinet", e.cabinetId()).bind("deposit", e.depositId()).map((rs, ctx) -> rs.getString("case_no")).list();
            String origin = "locker:" + e.cabinetId();
            for (String number : numbers) {
                HallCase before = CaseRows.load(h, number, true).orElseThrow();
                if (before.pickupCode().isEmpty()) {
                    continue;
                }
                boolean closes = before.state() == CaseState.DELIVERED;
                if (closes) {
                    CaseUpdate.PICKED_UP.apply(h, number, CaseState.CLOSED, Timestamp.from(tx.at()));
                } else {
                    CaseUpdate.PICKUP_CODE_CLEARED.apply(h, number, before.state());
                }
                String detail = "申请人凭取件码从智能柜 " + e.cabinetId() + " 第 " + e.door() + " 号柜门取走结果（寄存 " + e.depositId() + "）"
                        + (closes ? "，办结" : "");
                CaseState after = closes ? CaseState.CLOSED : before.state();
                CaseRows.history(h, number, tx.at(), "citizen", origin, "case-pickup", after, detail);
                tx.audit(new AuditEvent("case-pickup", "citizen", origin, number, AuditEvent.SUCCESS, before.state() + " → " + after + "：" + detail));
                tx.event("PICKED_UP", number, before.bundleNumber(), before.departmentId(), after.name(), 0);
            }
            return numbers.size();
        });
        if (found == 0) {
            LOG.debug("Pickup of deposit {} from cabinet {} concerns no waiting case", e.depositId(), e.cabinetId());
        }
    }

    /** Delivers all parts of a bundle at once, one locker deposit holding them all when delivered into a locker. */
    CaseBundle deliverBundle(String number, Delivery delivery, CaseActor actor) {
        if (delivery.feeCharged().isPresent()) {
            throw CaseStore.invalid("fee-per-case", "收费按办件登记：请在各办件的决定或送达时登记收费，而非整个“一件事” (fees are recorded per case)");
        }
        if (delivery.method() != DeliveryMethod.PICKUP_LOCKER) {
            return deliverBundle(number, delivery, actor, null);
        }
        CaseBundle current = store.read((h, tx) -> CaseRows.bundle(h, number == null ? "" : number.strip(), false))
                .orElseThrow(() -> CaseStore.notFound("unknown-bundle", "没有“一件事” " + number));
        CaseRules.requireBundleDeliverable(current);
        store.read((h, tx) -> WindowBinding.Use.of(delivery).bind(h, actor));
        CaseLockers.Placed placed = deposit(delivery, current.number(), actor);
        try {
            return deliverBundle(current.number(), delivery, actor, placed);
        } catch (RuntimeException e) {
            if (!holds(current.parts().get(0).number(), placed)) {
                lockers.withdraw(placed, "delivery of " + current.number() + " not recorded: " + e.getMessage());
            }
            throw e;
        }
    }

    private CaseBundle deliverBundle(String number, Delivery delivery, CaseActor claimant, CaseLockers.Placed placed) {
        return changes.change((h, tx) -> {
            CaseActor actor = WindowBinding.Use.of(delivery).bind(h, claimant);
            CaseBundle b = CaseRows.bundle(h, number, true).orElseThrow(() -> CaseStore.notFound("unknown-bundle", "没有“一件事” " + number));
            CaseRules.requireBundleDeliverable(b);
            for (HallCase p : b.parts()) {
                CaseRows.load(h, p.number(), true);
                String detail = deliverOne(h, tx, p.number(), delivery, placed) + "（随“一件事” " + number + " 一并送达）";
                CaseRows.history(h, p.number(), tx.at(), actor.user(), actor.origin(), "case-deliver", CaseState.DELIVERED, detail);
                tx.audit(new AuditEvent("case-deliver", actor.user(), actor.origin(), p.number(), AuditEvent.SUCCESS, detail));
                tx.event("DELIVERED", p.number(), number, p.departmentId(), CaseState.DELIVERED.name(), 0);
            }
            h.createUpdate("UPDATE case_bundle SET delivered_at = :at WHERE bundle_no = :bundle")
                    .bind("at", Timestamp.from(tx.at())).bind("bundle", number).execute();
            tx.audit(new AuditEvent("bundle-deliver", actor.user(), actor.origin(), number, AuditEvent.SUCCESS,
                    b.parts().size() + " 个事项一次送达：" + delivery.method()));
            tx.event("BUNDLE_DELIVERED", "", number, "", "", 0);
            return CaseRows.bundle(h, number, false).orElseThrow();
        });
    }
}
