package org.onedoor.api.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    /** The standard's own example number. */
    static final String VALID = "11010519491231002X";

    @Test
    void acceptsAValidNumberAndReadsItsBirthDate() {
        ResidentIdNumber id = new ResidentIdNumber(VALID.toLowerCase());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(VALID, id.value());
    }

    @Test
    void masksAllButTheEnds() {
        assertEquals("110***********002X", new ResidentIdNumber(VALID).masked());
        assertFalse(new ResidentIdNumber(VALID).toString().contains("19491231"));
    }

    @Test
    void refusesWrongCheckDigitDateAndShape() {
        assertTrue(ResidentIdNumber.problem("110105194912310021").orElseThrow().contains("校验位"));
        assertTrue(ResidentIdNumber.problem("110105194913310028").orElseThrow().contains("出生日期"));
        assertTrue(ResidentIdNumber.problem("12345").orElseThrow().contains("18位"));
        assertThrows(IllegalArgumentException.class, () -> new ResidentIdNumber("110105194912310021"));
    }
}
