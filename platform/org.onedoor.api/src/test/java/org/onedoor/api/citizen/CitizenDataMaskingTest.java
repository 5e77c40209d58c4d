package org.onedoor.api.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class CitizenDataMaskingTest {

    @Test
    void mobileNumbersKeepTheirFirstThreeAndLastFourDigits() {
        assertEquals("138****5678", CitizenDataMasking.maskPhone("13812345678"));
        assertEquals("138****5678", CitizenDataMasking.maskPhone("138-1234-5678"));
        assertEquals("139****0000", CitizenDataMasking.maskPhone("+86 13912340000"));
    }

    @Test
    void landlinesKeepTheAreaCodeAndLastTwoDigits() {
        assertEquals("0396-*****67", CitizenDataMasking.maskPhone("0396-1234567"));
    }

    @Test
    void identityNumbersAndPhonesAreMaskedInsideText() {
        String text = "申请人 41170219900307123X 电话 13812345678，备用 0396-1234567，窗口 A17-003";
        String masked = CitizenDataMasking.mask(text);
        assertEquals("申请人 411***********123X 电话 138****5678，备用 0396-*****67，窗口 A17-003", masked);
        assertFalse(masked.contains("12345678"));
        assertEquals(new ResidentIdNumber("11010519491231002X").masked(), CitizenDataMasking.mask("11010519491231002X"));
    }

    @Test
    void passportAndTravelPermitNumbersAreMaskedInsideText() {
        assertEquals("护照 E******78，通行证 H******21", CitizenDataMasking.mask("护照 E12345678，通行证 H87654321"));
        assertEquals("old permit M********90", CitizenDataMasking.mask("old permit M1234567890"));
    }

    @Test
    void otherNumbersAreLeftAlone() {
        for (String keep : new String[] {"order 12345", "2026-11-27", "ticket A017", "port 8080", "id 123456789012345678901", "10.0.0.9:1234", "case YJS-20261127-0001", "uuid e1234567-89ab"}) {
            assertEquals(keep, CitizenDataMasking.mask(keep));
        }
        assertEquals(null, CitizenDataMasking.mask(null));
    }
}
