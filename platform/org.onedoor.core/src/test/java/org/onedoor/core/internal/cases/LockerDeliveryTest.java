package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;

/**
 * Delivery by pickup locker on the real case store: the deposit is made first with the case number,
 * the case keeps the locker's code, the citizen's pickup closes the case; refusals leave the case
 * ready for delivery, and a deposit whose case could not be changed is taken back.
 */
class LockerDeliveryTest {

    private final CaseFixture f = new CaseFixture();

    private String readyCase() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.APPROVER_A17);
        return no;
    }

    private static Delivery locker(String detail, String cabinet) {
        return new Delivery(DeliveryMethod.PICKUP_LOCKER, detail, "", cabinet);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private String state(String no) {
        return f.cases.find(no).orElseThrow().state().name();
    }

    @Test
    void aLockerDeliveryDepositsTheCaseNumberAndTheCitizensPickupClosesTheCase() throws Exception {
        LockerDouble lockers = new LockerDouble().cabinet("locker1", 4);
        f.lockers.bindLockers(lockers);
        String no = readyCase();

        HallCase delivered = f.cases.deliver(no, locker("1F-A-03", ""), CaseFixture.CLERK);

        assertEquals(CaseState.DELIVERED, delivered.state());
        assertEquals(List.of(no), lockers.references());
        assertEquals("clerk1", lockers.deposits.get(0).depositedBy());
        assertEquals(String.format("%06d", 700000 + lockers.deposits.get(0).id()), delivered.pickupCode());
        assertEquals("智能柜 locker1 第 1 号柜门（1F-A-03）", delivered.deliveryDetail());

        lockers.pickup("locker1", delivered.pickupCode(), "10.0.0.9");
        await("the pickup closes the case", () -> state(no).equals("CLOSED"));
        HallCase closed = f.cases.find(no).orElseThrow();
        assertEquals("", closed.pickupCode(), "the used code is not kept");
        assertTrue(closed.closedAt().isPresent());
        CaseHistoryEntry last = f.cases.history(no).get(f.cases.history(no).size() - 1);
        assertEquals("case-pickup", last.action());
        assertEquals("citizen", last.actor());
        assertEquals("locker:locker1", last.origin());
        assertEquals(CaseState.CLOSED, last.state());
        await("the pickup is audited", () -> f.auditActions().contains("case-pickup/success"));
        // the event is published after the pickup's transaction commits, so it may trail the state
        await("the pickup is published", () -> f.events.stream().anyMatch(e -> e.type().equals("PICKED_UP") && e.caseNumber().equals(no)));

        int entries = f.cases.history(no).size();
        lockers.pickup("locker1", delivered.pickupCode(), "10.0.0.9");
        Thread.sleep(300);
        assertEquals(entries, f.cases.history(no).size(), "a repeated event changes nothing");
    }

    @Test
    void withoutALockerServiceOrWithAnUnknownCabinetOrNoFreeDoorTheCaseStaysReady() {
        String no = readyCase();
        CaseException none = assertThrows(CaseException.class, () -> f.cases.deliver(no, locker("", ""), CaseFixture.CLERK));
        assertEquals(CaseException.Reason.UNAVAILABLE, none.reason());
        assertEquals("locker-unavailable", none.code());

        LockerDouble lockers = new LockerDouble().cabinet("locker1", 1).cabinet("locker2", 1);
        f.lockers.bindLockers(lockers);
        assertEquals("cabinet-required", assertThrows(CaseException.class,
                () -> f.cases.deliver(no, locker("", ""), CaseFixture.CLERK)).code());
        CaseException unknown = assertThrows(CaseException.class, () -> f.cases.deliver(no, locker("", "nope"), CaseFixture.CLERK));
        assertEquals(CaseException.Reason.CONFLICT, unknown.reason());
        assertEquals("unknown-cabinet", unknown.code());
        assertTrue(unknown.getMessage().contains("locker1"), unknown.getMessage());

        lockers.deposit("locker2", "OTHER-1", "clerk1");
        CaseException full = assertThrows(CaseException.class, () -> f.cases.deliver(no, locker("locker2", ""), CaseFixture.CLERK));
        assertEquals("no-free-door", full.code());

        assertEquals("RESULT_READY", state(no));
        assertEquals("", f.cases.find(no).orElseThrow().pickupCode());
        assertEquals(List.of("OTHER-1"), lockers.references());
        assertTrue(f.auditActions().contains("case-deliver/refused"), f.auditActions().toString());

        HallCase delivered = f.cases.deliver(no, locker("locker1", ""), CaseFixture.CLERK);
        assertEquals("智能柜 locker1 第 1 号柜门", delivered.deliveryDetail(), "a detail naming the cabinet chooses it");
    }

    @Test
    void aDepositWhoseCaseMovedMeanwhileIsTakenBack() {
        LockerDouble lockers = new LockerDouble().cabinet("locker1", 4);
        f.lockers.bindLockers(lockers);
        String no = readyCase();
        lockers.afterDeposit = () -> f.cases.deliver(no, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "3", ""), CaseFixture.CLERK);

        CaseException raced = assertThrows(CaseException.class, () -> f.cases.deliver(no, locker("", ""), CaseFixture.CLERK));

        assertEquals("illegal-transition", raced.code());
        assertEquals(List.of(lockers.deposits.get(0).id()), lockers.withdrawn);
        HallCase h = f.cases.find(no).orElseThrow();
        assertEquals(DeliveryMethod.ISSUANCE_WINDOW, h.deliveryMethod().orElseThrow());
        assertEquals("", h.pickupCode());
    }

    @Test
    void aDeliveryThatCommittedAlthoughTheCallFailedKeepsItsDeposit() {
        LockerDouble lockers = new LockerDouble().cabinet("locker1", 4);
        f.lockers.bindLockers(lockers);
        String no = readyCase();
        f.commitAnswersLost = true;

        assertThrows(IllegalStateException.class, () -> f.cases.deliver(no, locker("", ""), CaseFixture.CLERK));

        f.commitAnswersLost = false;
        HallCase h = f.cases.find(no).orElseThrow();
        assertEquals(CaseState.DELIVERED, h.state());
        assertEquals(String.format("%06d", 700000 + lockers.deposits.get(0).id()), h.pickupCode());
        assertTrue(lockers.withdrawn.isEmpty(), "the recorded deposit stays in its door");
    }

    @Test
    void aBundleGoesIntoOneDoorAndItsPickupClosesEveryPart() throws Exception {
        LockerDouble lockers = new LockerDouble().cabinet("locker1", 4);
        f.lockers.bindLockers(lockers);
        AcceptedBundle a = f.cases.acceptBundle(new BundleRequest("二手房买卖", CaseFixture.applicant(), List.of(
                new BundleRequest.Part("A15-001", List.of("不动产登记申请书", "存量房买卖合同")),
                new BundleRequest.Part("A16-001", List.of("契税申报表"))), CaseChannel.WINDOW, 89, ""), CaseFixture.CLERK);
        String transfer = a.bundle().parts().get(0).number();
        String tax = a.bundle().parts().get(1).number();
        assertEquals("bundle-not-ready", assertThrows(CaseException.class,
                () -> f.cases.deliverBundle(a.bundle().number(), locker("", ""), CaseFixture.CLERK)).code());
        assertTrue(lockers.deposits.isEmpty(), "nothing is deposited for a bundle that is not ready");
        f.cases.decide(transfer, true, "", CaseFixture.APPROVER_A15);
        f.cases.resultReady(transfer, CaseFixture.APPROVER_A15);
        f.cases.decide(tax, true, "", CaseFixture.APPROVER_A16);
        f.cases.resultReady(tax, CaseFixture.APPROVER_A16);

        CaseBundle delivered = f.cases.deliverBundle(a.bundle().number(), locker("", ""), CaseFixture.CLERK);

        assertEquals(List.of(a.bundle().number()), lockers.references());
        String code = delivered.parts().get(0).pickupCode();
        assertFalse(code.isEmpty());
        assertTrue(delivered.parts().stream().allMatch(p -> p.pickupCode().equals(code) && p.state() == CaseState.DELIVERED));
        lockers.pickup("locker1", code, "10.0.0.9");
        await("the pickup closes both parts", () -> state(transfer).equals("CLOSED") && state(tax).equals("CLOSED"));
    }
}
