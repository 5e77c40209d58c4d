package org.onedoor.core.internal.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The citizen's check code (six random digits) and the locker pickup code; the hall stores only
 * a SHA-256 hash of a check code, salted with the case or bundle number.
 */
final class CheckCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CheckCodes() {
    }

    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String hash(String number, String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((number + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the Java runtime", e);
        }
    }

    static boolean matches(String number, String code, String storedHash) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        return MessageDigest.isEqual(hash(number, code).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
