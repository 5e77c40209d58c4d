package org.onedoor.api.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    /** A code whose check character (3) and embedded organization code check (4) both hold. */
    static final String VALID = "91350100M000100Y43";

    @Test
    void acceptsAValidCodeInEitherCase() {
        UnifiedSocialCreditCode code = new UnifiedSocialCreditCode(VALID.toLowerCase());
        assertEquals(VALID, code.value());
        assertEquals("350100", code.divisionCode());
    }

    @Test
    void refusesAWrongCheckCharacterNamingIt() {
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            String candidate = VALID.substring(0, 17) + c;
            assertEquals(c == '3', UnifiedSocialCreditCode.problem(candidate).isEmpty(), candidate);
        }
        assertTrue(UnifiedSocialCreditCode.problem("91350100M000100Y44").orElseThrow().contains("校验位"));
    }

    @Test
    void refusesLettersOutsideTheCharacterSetLengthAndDivision() {
        String withO = "91350100O000100Y43";
        assertTrue(UnifiedSocialCreditCode.problem(withO).orElseThrow().contains("第9位"), UnifiedSocialCreditCode.problem(withO).get());
        assertTrue(UnifiedSocialCreditCode.problem("9135010").orElseThrow().contains("18位"));
        assertTrue(UnifiedSocialCreditCode.problem(null).orElseThrow().contains("18位"));
        assertTrue(UnifiedSocialCreditCode.problem("913A0100M000100Y43").orElseThrow().contains("行政区划"));
        assertThrows(IllegalArgumentException.class, () -> new UnifiedSocialCreditCode("91350100M000100Y44"));
    }

    @Test
    void aSwapOfTwoCharactersIsCaught() {
        assertTrue(UnifiedSocialCreditCode.problem("91351000M000100Y43").isPresent());
    }

    @Test
    void masksTheSubjectIdentifier() {
        assertEquals("91350100********43", new UnifiedSocialCreditCode(VALID).masked());
        assertEquals("91350100********43", new UnifiedSocialCreditCode(VALID).toString());
    }
}
