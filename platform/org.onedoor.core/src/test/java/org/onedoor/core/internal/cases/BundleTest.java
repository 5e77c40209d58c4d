package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.AcceptedBundle;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.BundleState;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseQuery;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.cases.HallCase;
import org.junit.jupiter.api.Test;

/** R11: "one thing" — several departments' matters as one application, approved in parallel, delivered once. */
class BundleTest {

    private final CaseFixture f = new CaseFixture();

    private BundleRequest buyingAHome() {
        return new BundleRequest("二手房买卖", CaseFixture.applicant(), List.of(
                new BundleRequest.Part("A15-001", List.of("不动产登记申请书", "存量房买卖合同")),
                new BundleRequest.Part("A16-001", List.of("契税申报表"))), CaseChannel.WINDOW, 89, "");
    }

    @Test
    void theBundleIsDeliveredOnlyWhenEveryPartIsDone() {
        AcceptedBundle a = f.cases.acceptBundle(buyingAHome(), CaseFixture.CLERK);
        CaseBundle b = a.bundle();
        assertEquals("YJS-20261127-0001", b.number());
        assertEquals(BundleState.IN_PROGRESS, b.state());
        assertEquals(List.of("A15", "A16"), b.parts().stream().map(HallCase::departmentId).toList());
        String transfer = b.parts().get(0).number();
        String tax = b.parts().get(1).number();
        assertEquals(List.of(transfer), f.cases.backOffice("A15").stream().map(HallCase::number).toList());
        assertEquals(List.of(tax), f.cases.backOffice("A16").stream().map(HallCase::number).toList());

        f.cases.decide(tax, true, "", CaseFixture.APPROVER_A16);
        f.cases.resultReady(tax, CaseFixture.APPROVER_A16);
        assertEquals("deliver-with-bundle", assertThrows(CaseException.class,
                () -> f.cases.deliver(tax, new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "", ""), CaseFixture.CLERK)).code());
        CaseException notReady = assertThrows(CaseException.class,
                () -> f.cases.deliverBundle(b.number(), new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "", ""), CaseFixture.CLERK));
        assertEquals("bundle-not-ready", notReady.code());
        assertTrue(notReady.getMessage().contains(transfer), notReady.getMessage());
        assertEquals(BundleState.IN_PROGRESS, f.cases.bundle(b.number()).orElseThrow().state());

        f.cases.decide(transfer, true, "", CaseFixture.APPROVER_A15);
        f.cases.resultReady(transfer, CaseFixture.APPROVER_A15);
        assertEquals(BundleState.READY, f.cases.bundle(b.number()).orElseThrow().state());
        CaseBundle delivered = f.cases.deliverBundle(b.number(), Delivery.mail(Optional.of(CaseFixture.MAIL_TO), null, "EMS1234567"), CaseFixture.CLERK);
        assertEquals(BundleState.DELIVERED, delivered.state());
        assertTrue(delivered.parts().stream().allMatch(p -> p.state() == CaseState.DELIVERED && p.trackingNumber().equals("EMS1234567")));
        assertEquals("illegal-transition", assertThrows(CaseException.class,
                () -> f.cases.deliverBundle(b.number(), new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "", ""), CaseFixture.CLERK)).code());
        assertEquals(1, f.events.stream().filter(e -> e.type().equals("BUNDLE_DELIVERED")).count());
        assertEquals(b.number(), f.cases.lookupBundle(b.number(), a.checkCode()).orElseThrow().number());
        assertEquals(transfer, f.cases.lookup(transfer, a.checkCode()).orElseThrow().number(), "the bundle's code opens each part");
    }

    @Test
    void aComprehensiveWindowTakesNoBundleWithMattersOfOtherAreas() {
        BundleRequest r = new BundleRequest("二手房买卖", CaseFixture.applicant(), buyingAHome().parts(), CaseChannel.WINDOW, 97, "");
        assertEquals("matter-of-another-zone", assertThrows(CaseException.class, () -> f.cases.acceptBundle(r, CaseFixture.CLERK)).code());
    }

    @Test
    void aPartMissingAMainMaterialRefusesTheWholeBundle() {
        BundleRequest r = new BundleRequest("二手房买卖", CaseFixture.applicant(), List.of(
                new BundleRequest.Part("A15-001", List.of("不动产登记申请书")),
                new BundleRequest.Part("A16-001", List.of("契税申报表"))), CaseChannel.ONLINE, 0, "");
        CaseException e = assertThrows(CaseException.class, () -> f.cases.acceptBundle(r, CaseFixture.CLERK));
        assertEquals("missing-main-material", e.code());
        assertTrue(e.getMessage().contains("A15-001") && e.getMessage().contains("存量房买卖合同"), e.getMessage());
        assertEquals(List.of(), f.cases.cases(new CaseQuery(Optional.empty(), Optional.empty(), 10)));
    }
}
