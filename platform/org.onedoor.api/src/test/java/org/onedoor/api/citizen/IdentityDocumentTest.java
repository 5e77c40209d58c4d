package org.onedoor.api.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onedoor.api.citizen.IdentityDocument.Kind;

class IdentityDocumentTest {

    private static boolean valid(Kind kind, String number, String nationality) {
        return IdentityDocument.problem(kind, number, nationality).isEmpty();
    }

    private static String problem(Kind kind, String number, String nationality) {
        Optional<String> p = IdentityDocument.problem(kind, number, nationality);
        assertTrue(p.isPresent(), kind + " " + number + " should be refused");
        return p.get();
    }

    @Test
    void aResidentIdIsCheckedAsGb11643() {
        assertTrue(valid(Kind.RESIDENT_ID, ResidentIdNumberTest.VALID, ""));
        assertTrue(problem(Kind.RESIDENT_ID, "110105194912310021", "").contains("校验位"));
        assertTrue(problem(Kind.RESIDENT_ID, ResidentIdNumberTest.VALID, "CHN").contains("不填写国籍"));
    }

    @Test
    void passportsTakeANationalityAndAChinesePassportItsFormat() {
        assertTrue(valid(Kind.PASSPORT, "X12345678", "USA"));
        assertTrue(valid(Kind.PASSPORT, "m12345678", "kor"));
        assertTrue(valid(Kind.PASSPORT, "E12345678", "CHN"));
        assertTrue(valid(Kind.PASSPORT, "EA1234567", "CHN"));
        assertTrue(problem(Kind.PASSPORT, "X12345678", "CHN").contains("中国护照"));
        assertTrue(problem(Kind.PASSPORT, "X12345678", "").contains("国籍"));
        assertTrue(problem(Kind.PASSPORT, "X12345678", "ZZZ").contains("ISO 3166-1"));
        assertTrue(valid(Kind.PASSPORT, "X12345678", "UNO"), "ICAO codes of the United Nations are nationalities too");
        assertTrue(problem(Kind.PASSPORT, "ABCDEFGH", "FRA").contains("5至20位"));
        assertTrue(problem(Kind.PASSPORT, "X1-2345678", "FRA").contains("5至20位"));
        assertTrue(problem(Kind.PASSPORT, "", "FRA").contains("缺少"));
    }

    @Test
    void travelPermitsOfHongKongMacaoAndTaiwanResidents() {
        assertTrue(valid(Kind.HK_MACAO_TRAVEL_PERMIT, "H12345678", ""));
        assertTrue(valid(Kind.HK_MACAO_TRAVEL_PERMIT, "M1234567890", ""));
        assertTrue(problem(Kind.HK_MACAO_TRAVEL_PERMIT, "T12345678", "").contains("H 或 M"));
        assertTrue(problem(Kind.HK_MACAO_TRAVEL_PERMIT, "H123456789", "").contains("H 或 M"));
        assertTrue(valid(Kind.TAIWAN_TRAVEL_PERMIT, "12345678", ""));
        assertTrue(problem(Kind.TAIWAN_TRAVEL_PERMIT, "1234567", "").contains("8位"));
    }

    @Test
    void residencePermitsAreGb11643NumbersOf81To83() {
        assertTrue(valid(Kind.HMT_RESIDENCE_PERMIT, "810000199001010019", ""));
        assertTrue(valid(Kind.HMT_RESIDENCE_PERMIT, "830000198512310020", ""));
        assertTrue(valid(Kind.HMT_RESIDENCE_PERMIT, "82000020000229003x", ""));
        assertTrue(problem(Kind.HMT_RESIDENCE_PERMIT, "810000199001010018", "").contains("校验位"));
        assertTrue(problem(Kind.HMT_RESIDENCE_PERMIT, ResidentIdNumberTest.VALID, "").contains("810000"));
        assertTrue(problem(Kind.HMT_RESIDENCE_PERMIT, "810000199002300010", "").contains("出生日期"));
    }

    @Test
    void foreignPermanentResidenceCardsOfBothVersions() {
        assertTrue(valid(Kind.FOREIGN_PERMANENT_RESIDENCE, "933110199001010017", "USA"));
        assertTrue(valid(Kind.FOREIGN_PERMANENT_RESIDENCE, "USA110190010101", "USA"));
        assertTrue(problem(Kind.FOREIGN_PERMANENT_RESIDENCE, "933110199001010018", "USA").contains("校验位"));
        assertTrue(problem(Kind.FOREIGN_PERMANENT_RESIDENCE, "810000199001010019", "USA").contains("以9开头"));
        assertTrue(problem(Kind.FOREIGN_PERMANENT_RESIDENCE, "933110199001010017", "").contains("国籍"));
    }

    @Test
    void masksEveryKindAndNormalizesCase() {
        assertEquals("110***********002X", IdentityDocument.residentId(ResidentIdNumberTest.VALID).masked());
        IdentityDocument passport = new IdentityDocument(Kind.PASSPORT, "x12345678", "usa");
        assertEquals("X12345678", passport.number());
        assertEquals("USA", passport.nationality());
        assertEquals("X******78", passport.masked());
        assertEquals("H******78", new IdentityDocument(Kind.HK_MACAO_TRAVEL_PERMIT, "H12345678", "").masked());
        assertEquals("810***********0019", new IdentityDocument(Kind.HMT_RESIDENCE_PERMIT, "810000199001010019", "").masked());
        assertFalse(passport.toString().contains("123456"), passport.toString());
        assertThrows(IllegalArgumentException.class, () -> new IdentityDocument(Kind.PASSPORT, "X12345678", ""));
        assertThrows(IllegalArgumentException.class, () -> new IdentityDocument(null, "X12345678", ""));
    }
}
