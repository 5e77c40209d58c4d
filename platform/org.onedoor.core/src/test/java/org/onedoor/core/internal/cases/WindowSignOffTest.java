package org.onedoor.core.internal.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.onedoor.api.cases.AuthorizationLetter;
import org.onedoor.api.cases.CaseException;
import org.onedoor.api.cases.CaseState;
import org.onedoor.api.cases.HallCase;
import org.junit.jupiter.api.Test;

/** R6: on-the-spot sign-off at the window only under an authorization letter and only without special steps. */
class WindowSignOffTest {

    private final CaseFixture f = new CaseFixture();

    private String passport() {
        return f.cases.accept(CaseFixture.atWindow(CaseFixture.PASSPORT, "申请人居民身份证", "近期免冠彩色照片", "审批备案证明"),
                CaseFixture.CLERK).hallCase().number();
    }

    @Test
    void withoutALetterTheClerkIsRefusedAndTheCaseWaitsInTheBackOffice() {
        String no = passport();
        CaseException e = assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", CaseFixture.CLERK));
        assertEquals(CaseException.Reason.FORBIDDEN, e.reason());
        assertEquals("not-authorized", e.code());
        assertEquals(CaseState.ACCEPTED, f.cases.find(no).orElseThrow().state());
        assertEquals(1, f.cases.backOffice("A17").size());
        assertTrue(f.auditActions().contains("case-sign-off/refused"));
    }

    @Test
    void anAuthorizedClerkSignsOffOnTheSpot() {
        AuthorizationLetter letter = f.authorizations.file("A17", "clerk1", Set.of("A17-001", "A17-018"), CaseFixture.DEPT_A17);
        assertEquals(Set.of("A17-001", "A17-018"), letter.matterCodes());
        String no = passport();
        HallCase done = f.cases.signOff(no, true, "", CaseFixture.CLERK);
        assertEquals(CaseState.APPROVED, done.state());
        assertTrue(done.signedOffAtWindow());
        assertEquals("clerk1", done.decidedBy());
        assertTrue(f.auditActions().contains("case-authorization-file/success"));
        assertTrue(f.auditActions().contains("case-sign-off/success"));
    }

    @Test
    void aMatterWithSpecialStepsIsNeverSignedOffAtTheWindowEvenWithALetter() {
        f.authorizations.file("A17", "clerk1", Set.of("A17-018"), CaseFixture.DEPT_A17);
        String no = f.cases.accept(CaseFixture.atWindow(CaseFixture.SURVEY, "申请书"), CaseFixture.CLERK).hallCase().number();
        CaseException e = assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", CaseFixture.CLERK));
        assertEquals(CaseException.Reason.FORBIDDEN, e.reason());
        assertEquals("special-steps-required", e.code());
    }

    @Test
    void aRevokedLetterNoLongerAuthorizes() {
        AuthorizationLetter letter = f.authorizations.file("A17", "clerk1", Set.of("A17-001"), CaseFixture.DEPT_A17);
        f.authorizations.revoke(letter.id(), CaseFixture.DEPT_A17);
        assertTrue(f.authorizations.letters("A17").get(0).revokedAt().isPresent());
        assertFalse(f.authorizations.authorized("clerk1", "A17-001"));
        String no = passport();
        assertEquals("not-authorized", assertThrows(CaseException.class, () -> f.cases.signOff(no, true, "", CaseFixture.CLERK)).code());
    }

    @Test
    void aDepartmentFilesLettersOnlyForItsOwnMatters() {
        assertEquals("out-of-department", assertThrows(CaseException.class,
                () -> f.authorizations.file("A15", "clerk1", Set.of("A15-001"), CaseFixture.DEPT_A17)).code());
        assertEquals("unknown-matter", assertThrows(CaseException.class,
                () -> f.authorizations.file("A17", "clerk1", Set.of("A15-001"), CaseFixture.DEPT_A17)).code());
        assertEquals("out-of-department", assertThrows(CaseException.class,
                () -> f.authorizations.file("A17", "clerk1", Set.of("A17-001"), CaseFixture.CLERK)).code());
    }
}
