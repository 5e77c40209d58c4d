package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.onedoor.api.cases.CaseHalls;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.session.HallPrincipal;

/**
 * Same-city handling (R13): a matter of the default hall's department accepted at a universal window of
 * Xiping is routed to that department (its back office sees it) and records both halls; a comprehensive
 * window does not take another hall's case; a case of one hall records that hall twice.
 */
class SameCityHandlingTest {

    private final CaseFixture f = new CaseFixture();

    private static CaseActor as(String user, String origin) {
        return new CaseActor(new HallPrincipal(user, Set.of("clerk"), Optional.empty()), origin);
    }

    private static AcceptRequest passport(int window, String handlingHall) {
        return new AcceptRequest(CaseFixture.PASSPORT.code(), CaseFixture.applicant(), List.of("申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseChannel.WINDOW, window, "", handlingHall);
    }

    @Test
    void aMatterOfAnotherHallIsAcceptedAtAUniversalWindowAndRoutedToItsDepartment() {
        f.signInAt(CaseFixture.XIPING, 3, "universal", "clerk5", "F002");
        HallCase c = f.cases.accept(passport(3, "zhumadian"), as("clerk5", "window:xiping/3")).hallCase();
        assertEquals(new CaseHalls("xiping", "zhumadian"), f.cases.halls(c.number()).orElseThrow());
        assertTrue(f.cases.halls(c.number()).orElseThrow().sameCity());
        assertEquals("A17", c.departmentId(), "routed to the matter's department");
        assertTrue(f.cases.backOffice("A17").stream().anyMatch(b -> b.number().equals(c.number())), "the department's back office has it");
        assertEquals("F002", c.ticketNumber());
        assertEquals("window:xiping/3", f.cases.history(c.number()).get(0).origin());
    }

    @Test
    void aComprehensiveWindowDoesNotTakeAnotherHallsCase() {
        f.signInAt(CaseFixture.XIPING, 97, "police", "clerk2", "G005");
        CaseException e = assertThrows(CaseException.class, () -> f.cases.accept(passport(97, "zhumadian"), as("clerk2", "window:xiping/97")));
        assertEquals("same-city-needs-universal-window", e.code());
        HallCase own = f.cases.accept(passport(97, ""), as("clerk2", "window:xiping/97")).hallCase();
        assertEquals(new CaseHalls("xiping", "xiping"), f.cases.halls(own.number()).orElseThrow());
        assertFalse(f.cases.halls(own.number()).orElseThrow().sameCity());
    }

    @Test
    void aCaseOfTheDefaultHallIsItsOwnAndNamingItsHallChangesNothing() {
        HallCase c = f.cases.accept(passport(97, "zhumadian"), CaseFixture.CLERK).hallCase();
        assertEquals(new CaseHalls("zhumadian", "zhumadian"), f.cases.halls(c.number()).orElseThrow());
        HallCase before = f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase();
        assertEquals(new CaseHalls("zhumadian", "zhumadian"), f.cases.halls(before.number()).orElseThrow());
        assertTrue(f.cases.halls("A17-20990101-0001").isEmpty());
    }
}
