package org.onedoor.device.internal.locker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes pickup codes (six digits from a secure random source) and their salted SHA-256 hashes. */
final class PickupCodes {

    static final int LENGTH = 6;

    private final SecureRandom random = new SecureRandom();

    /** @return a new code of {@link #LENGTH} digits */
    String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    /** @return a new salt, 32 hex digits */
    String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** @return whether the text is shaped like a code */
    static boolean wellFormed(String code) {
        return code != null && code.length() == LENGTH && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String hash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** @return whether the code matches the stored hash, compared in constant time */
    static boolean matches(String salt, String hash, String code) {
        return MessageDigest.isEqual(hash(salt, code).getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }
}
