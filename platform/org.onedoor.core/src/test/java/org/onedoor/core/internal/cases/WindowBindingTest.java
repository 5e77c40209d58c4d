package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.BundleRequest;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseBundle;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseHistoryEntry;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.Delivery;
import org.onedoor.api.cases.DeliveryMethod;
import org.onedoor.api.session.HallPrincipal;

/**
 * Every window action of a case (acceptance, on-the-spot sign-off, delivery at the issuance window)
 * happens at a window its clerk holds, checked in the action's own transaction: a window named in
 * the request is compared with the held one, never trusted, and history and audit name the held one.
 */
class WindowBindingTest {

    private final CaseFixture f = new CaseFixture();

    private static CaseActor clerk1(String origin) {
        return new CaseActor(CaseFixture.CLERK.principal(), origin);
    }

    private String passport() {
        f.authorizations.file("A17", "clerk1", Set.of("A17-001"), CaseFixture.DEPT_A17);
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
    }

    private String readyPassport() {
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
        f.cases.decide(no, true, "", CaseFixture.APPROVER_A17);
        f.cases.resultReady(no, CaseFixture.APPROVER_A17);
        return no;
    }

    private boolean auditNames(String origin) {
        return f.audit.stream().anyMatch(a -> a.origin().equals(origin));
    }

    private List<String> history(String no) {
        return f.cases.history(no).stream().map(CaseHistoryEntry::action).toList();
    }

    @Test
    void aSignOffAtAWindowAnotherClerkHoldsIsRefusedAndNothingNamesThatWindow() {
        String no = passport();
        f.signIn(96, "clerk2", "G096");
        CaseException e = assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", clerk1("window:96")));
        assertEquals("window-not-yours", e.code());
        assertTrue(e.getMessage().contains("window") && e.getMessage().contains("clerk2"), e.getMessage());
        assertEquals(CaseState.ACCEPTED, f.cases.find(no).orElseThrow().state());
        assertFalse(auditNames("window:96"), "the audit never records a window the clerk did not hold: " + f.audit);
        assertEquals(List.of("case-accept"), history(no));
    }

    @Test
    void aSignOffNamingNoWindowIsRecordedAtTheClerksOwnWindow() {
        String no = passport();
        assertEquals("window-required", assertThrows(CaseException.class,
                () -> f.cases.signOff(no, true, "", clerk1("node:local"))).code(), "clerk1 holds 97 and 89: which one?");
        f.signIn(89, "clerk9", null);
        f.cases.signOff(no, true, "", clerk1("node:local"));
        assertEquals("window:97", f.cases.history(no).get(1).origin());
        assertTrue(f.audit.stream().anyMatch(a -> a.action().equals("case-sign-off") && a.origin().equals("window:97")), f.audit.toString());
    }

    @Test
    void aClerkHoldingNoWindowDoesNotSignOffEvenWithALetter() {
        String no = passport();
        f.authorizations.file("A17", "clerk3", Set.of("A17-001"), CaseFixture.DEPT_A17);
        CaseActor clerk3 = new CaseActor(new HallPrincipal("clerk3", Set.of("clerk"), Optional.empty()), "window:97");
        assertEquals("window-not-yours", assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", clerk3)).code());
        CaseActor nowhere = new CaseActor(clerk3.principal(), "node:local");
        assertEquals("window-not-signed-in", assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", nowhere)).code());
        assertEquals(CaseState.ACCEPTED, f.cases.find(no).orElseThrow().state());
    }

    @Test
    void aDeliveryAtTheIssuanceWindowNeedsAWindowTheClerkHolds() {
        String no = readyPassport();
        f.signIn(96, "clerk2", "G096");
        Delivery counter = new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "", "");
        assertEquals("window-not-yours", assertThrows(CaseException.class, () -> f.cases.deliver(no, counter, clerk1("window:96"))).code());
        Delivery mail = Delivery.mail(Optional.of(CaseFixture.MAIL_TO), null, "EMS1234567");
        assertEquals("window-not-yours", assertThrows(CaseException.class, () -> f.cases.deliver(no, mail, clerk1("window:96"))).code(),
                "a window named for a mail delivery is checked too");
        assertEquals(CaseState.RESULT_READY, f.cases.find(no).orElseThrow().state());
        assertFalse(auditNames("window:96"));
        f.cases.deliver(no, counter, clerk1("window:89"));
        assertEquals("window:89", f.cases.history(no).get(f.cases.history(no).size() - 1).origin());
    }

    @Test
    void aMailDeliveryNamingNoWindowIsNotAWindowAction() {
        String no = readyPassport();
        CaseActor office = new CaseActor(new HallPrincipal("clerk3", Set.of("clerk"), Optional.empty()), "node:local");
        assertEquals(CaseState.DELIVERED, f.cases.deliver(no, Delivery.mail(Optional.of(CaseFixture.MAIL_TO), null, "EMS1234567"), office).state());
        assertEquals("node:local", f.cases.history(no).get(f.cases.history(no).size() - 1).origin());
    }

    @Test
    void aBundleIsAcceptedAndDeliveredOnlyAtWindowsTheClerkHolds() {
        BundleRequest r = new BundleRequest("二手房买卖", CaseFixture.applicant(), List.of(
                new BundleRequest.Part("A15-001", List.of("不动产登记申请书", "存量房买卖合同")),
                new BundleRequest.Part("A16-001", List.of("契税申报表"))), CaseChannel.WINDOW, 89, "");
        CaseActor clerk2 = new CaseActor(new HallPrincipal("clerk2", Set.of("clerk"), Optional.empty()), "window:89");
        assertEquals("window-not-yours", assertThrows(CaseException.class, () -> f.cases.acceptBundle(r, clerk2)).code());
        CaseBundle b = f.cases.acceptBundle(r, CaseFixture.CLERK).bundle();
        assertTrue(f.cases.history(b.parts().get(0).number()).get(0).origin().equals("window:89"), "the held window, not the actor's claim");
        f.cases.decide(b.parts().get(0).number(), true, "", CaseFixture.APPROVER_A15);
        f.cases.resultReady(b.parts().get(0).number(), CaseFixture.APPROVER_A15);
        f.cases.decide(b.parts().get(1).number(), true, "", CaseFixture.APPROVER_A16);
        f.cases.resultReady(b.parts().get(1).number(), CaseFixture.APPROVER_A16);
        f.signIn(96, "clerk2", "G096");
        Delivery counter = new Delivery(DeliveryMethod.ISSUANCE_WINDOW, "", "");
        assertEquals("window-not-yours", assertThrows(CaseException.class,
                () -> f.cases.deliverBundle(b.number(), counter, clerk1("window:96"))).code());
        f.cases.deliverBundle(b.number(), counter, clerk1("window:97"));
        assertTrue(f.audit.stream().filter(a -> a.action().equals("bundle-deliver")).allMatch(a -> a.origin().equals("window:97")), f.audit.toString());
    }

    @Test
    void aHandOverOfTheWindowCannotSlipBetweenTheCheckAndTheSignOff() throws Exception {
        String no = passport();
        try (Connection handOver = f.ds.getConnection()) {
            handOver.setAutoCommit(false);
            f.signIn(handOver, 97, "clerk2");
            CompletableFuture<Object> signOff = CompletableFuture.supplyAsync(() -> {
                try {
                    return f.cases.signOff(no, true, "", clerk1("window:97"));
                } catch (CaseException e) {
                    return e;
                }
            });
            assertThrows(TimeoutException.class, () -> signOff.get(300, TimeUnit.MILLISECONDS),
                    "the sign-off waits for the window's session row while its hand-over is not committed");
            handOver.commit();
            Object outcome = signOff.get(20, TimeUnit.SECONDS);
            assertTrue(outcome instanceof CaseException e && Set.of("window-not-yours", "window-not-signed-in").contains(e.code()),
                    "refused once the window is clerk2's: " + outcome);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
        assertEquals(CaseState.ACCEPTED, f.cases.find(no).orElseThrow().state());
        assertFalse(f.auditActions().contains("case-sign-off/success"));
    }
}
