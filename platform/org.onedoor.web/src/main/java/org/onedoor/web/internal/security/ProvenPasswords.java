package org.onedoor.web.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which user name and password pairs signed in successfully a short while ago, kept only as salted
 * SHA-256 digests (the salt is random per node start). The rate limit uses it to count an HTTP Basic
 * request against its user without a password hash of its own; it decides nothing about access:
 * the route's guard still checks every password against the realm.
 */
public final class ProvenPasswords {

    static final Duration KEPT = Duration.ofMinutes(5);
    private static final int MAX = 10_000;

    private final byte[] salt = new byte[32];
    private final Clock clock;
    private final Map<String, Instant> proven = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX;
        }
    };

    ProvenPasswords(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    synchronized void succeeded(String user, String password) {
        proven.put(digest(user, password), clock.instant().plus(KEPT));
    }

    synchronized void failed(String user, String password) {
        proven.remove(digest(user, password));
    }

    /** @return whether exactly this pair signed in within the last {@link #KEPT} */
    synchronized boolean recentlyProven(String user, String password) {
        String key = digest(user, password);
        Instant until = proven.get(key);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            proven.remove(key);
            return false;
        }
        return true;
    }

    private String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
