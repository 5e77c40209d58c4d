package org.onedoor.core.internal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Pbkdf2HashTest {

    private final Pbkdf2Hash hash = new Pbkdf2Hash(10_000);

    @Test
    void theRightPasswordMatchesAndAWrongOneDoesNot() {
        String stored = hash.hash("correct horse battery");
        assertTrue(hash.matches("correct horse battery", stored));
        assertFalse(hash.matches("correct horse batterY", stored));
        assertFalse(hash.matches("", stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndNeverInClear() {
        String a = hash.hash("same password 1");
        String b = hash.hash("same password 1");
        assertNotEquals(a, b);
        assertFalse(a.contains("same password 1"));
        assertTrue(a.startsWith("pbkdf2-sha256:10000:"), a);
        assertEquals(4, a.split(":").length);
    }

    @Test
    void aHashWithOtherIterationsStillChecksAfterTheCountChanges() {
        String old = new Pbkdf2Hash(20_000).hash("kept password 1");
        assertTrue(hash.matches("kept password 1", old));
    }

    @Test
    void foreignOrBrokenHashesNeverMatch() {
        assertFalse(hash.matches("x", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"));
        assertFalse(hash.matches("x", "pbkdf2-sha256:abc:AAAA:AAAA"));
        assertFalse(hash.matches("x", "pbkdf2-sha256:0:AAAA:AAAA"));
        assertFalse(hash.matches("x", "pbkdf2-sha256:10000:!!!:AAAA"));
        assertFalse(hash.matches("x", "pbkdf2-sha256:10000:AAAA"));
    }

    @Test
    void tooFewIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Pbkdf2Hash(1000));
    }

    @Test
    void theShippedCountIsSlowByDesign() {
        assertTrue(Pbkdf2EncryptionService.ITERATIONS >= 100_000);
    }
}
