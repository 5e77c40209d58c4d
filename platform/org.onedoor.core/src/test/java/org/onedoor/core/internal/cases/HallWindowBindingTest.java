package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onedoor.api.cases.AcceptRequest;
import org.onedoor.api.cases.CaseActor;
import org.onedoor.api.cases.CaseChannel;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.session.HallPrincipal;

/**
 * Windows are numbered per hall: a case action at window 97 of the hall Xiping binds to Xiping's window 97
 * (origin {@code window:xiping/97}), never to the default hall's window 97, and takes the ticket called there.
 */
class HallWindowBindingTest {

    private final CaseFixture f = new CaseFixture();

    private static CaseActor as(String user, String origin) {
        return new CaseActor(new HallPrincipal(user, Set.of("clerk"), Optional.empty()), origin);
    }

    private static AcceptRequest passportAt(int window) {
        return new AcceptRequest(CaseFixture.PASSPORT.code(), CaseFixture.applicant(), List.of("申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseChannel.WINDOW, window, "");
    }

    @Test
    void theOriginNamesTheHallOfItsWindow() {
        assertEquals("window:97", WindowBinding.origin("zhumadian", 97));
        assertEquals("window:xiping/97", WindowBinding.origin("xiping", 97));
        assertEquals("xiping", WindowBinding.hallOf(as("clerk2", "window:xiping/97")));
        assertEquals("zhumadian", WindowBinding.hallOf(as("clerk2", "window:97")));
        assertEquals("zhumadian", WindowBinding.hallOf(as("clerk2", "node:local")));
        assertEquals(97, WindowBinding.claimed(as("clerk2", "window:xiping/97")));
        assertEquals("invalid-window", assertThrows(CaseException.class, () -> WindowBinding.claimed(as("c", "window:Bad Hall/97"))).code());
        assertEquals("invalid-window", assertThrows(CaseException.class, () -> WindowBinding.claimed(as("c", "window:xiping/"))).code());
    }

    @Test
    void aCaseAcceptedAtAnotherHallsWindowOfTheSameNumberBindsToThatHallsWindowAndTicket() {
        f.signInAt(CaseFixture.XIPING, 97, "police", "clerk2", "G005");
        // clerk1 holds the default hall's 97, not Xiping's: refused, although a window 97 is clerk1's
        assertEquals("window-not-yours", assertThrows(CaseException.class,
                () -> f.cases.accept(passportAt(97), as("clerk1", "window:xiping/97"))).code());
        HallCase inXiping = f.cases.accept(passportAt(97), as("clerk2", "window:xiping/97")).hallCase();
        assertEquals("G005", inXiping.ticketNumber(), "the ticket called at Xiping's window 97");
        assertEquals("window:xiping/97", f.cases.history(inXiping.number()).get(0).origin());
        HallCase inZhumadian = f.cases.accept(passportAt(97), CaseFixture.CLERK).hallCase();
        assertEquals("G001", inZhumadian.ticketNumber(), "the default hall's window 97 keeps its own ticket");
        assertEquals("window:97", f.cases.history(inZhumadian.number()).get(0).origin());
        // nobody at Xiping's window 96, although clerk1 holds... the default hall's 97 and 89 only
        assertEquals("window-not-signed-in", assertThrows(CaseException.class,
                () -> f.cases.accept(passportAt(96), as("clerk1", "window:xiping/96"))).code());
    }

    @Test
    void aClerkAtWindowsOfTwoHallsNamesWhichOne() {
        f.signInAt(CaseFixture.XIPING, 1, "universal", "clerk4", "F009");
        String no = f.cases.accept(new AcceptRequest(CaseFixture.PASSPORT.code(), CaseFixture.applicant(),
                List.of("申请人居民身份证", "近期免冠彩色照片", "审批备案证明"), CaseChannel.WINDOW, 1, ""), as("clerk4", "window:xiping/1"))
                .hallCase().number();
        f.signIn(96, "clerk4", "G096");
        f.authorizations.file("A17", "clerk4", Set.of("A17-001"), CaseFixture.DEPT_A17);
        CaseException e = assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", as("clerk4", "node:local")));
        assertEquals("window-required", e.code());
        assertTrue(e.getMessage().contains("xiping/1") && e.getMessage().contains("96"), e.getMessage());
        f.cases.signOff(no, true, "", as("clerk4", "window:xiping/1"));
        assertEquals("window:xiping/1", f.cases.history(no).get(1).origin());
    }
}
