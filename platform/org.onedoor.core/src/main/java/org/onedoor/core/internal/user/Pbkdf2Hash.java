package org.onedoor.core.internal.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks passwords with PBKDF2-HMAC-SHA256 and a random 16-byte salt; a hash reads
 * {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} (Base64), so stored hashes keep working when
 * the iteration count for new ones is raised.
 */
public final class Pbkdf2Hash {

    static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;

    /** @param iterations the PBKDF2 rounds for new hashes, at least 10,000 */
    public Pbkdf2Hash(int iterations) {
        if (iterations < 10_000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be 10,000 to 10,000,000, was " + iterations);
        }
        this.iterations = iterations;
    }

    /** @return the hash of the password, with a fresh salt */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(derive(password, salt, iterations));
    }

    /** @return true when the password matches the stored hash; false for a wrong password or a hash this class did not write */
    public boolean matches(String password, String stored) {
        String[] parts = stored.split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[1]);
            if (rounds < 1 || rounds > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM offers no " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }
}
