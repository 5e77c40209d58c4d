package org.onedoor.core.internal.user;

import java.util.Map;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Component;

/**
 * Offers PBKDF2 password hashing to Karaf's JAAS realm under the name {@code pbkdf2}
 * ({@code encryption.name = pbkdf2} in {@code etc/org.apache.karaf.jaas.cfg}), for Karaf's own
 * realm, which checks the first-start admin of {@code etc/users.properties} while the core's realm
 * is absent. The hall's users are checked by {@link HallUserLoginModule} with the same hash.
 */
@Component(service = EncryptionService.class, property = "name=pbkdf2")
public final class Pbkdf2EncryptionService implements EncryptionService {

    /** Rounds for new hashes: about 50 ms per check on one core of the reference machine. */
    static final int ITERATIONS = 120_000;

    private final Pbkdf2Hash hash = new Pbkdf2Hash(ITERATIONS);

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        return new Encryption() {
            @Override
            public String encryptPassword(String password) {
                return hash.hash(password);
            }

            @Override
            public boolean checkPassword(String provided, String stored) {
                return hash.matches(provided, stored);
            }
        };
    }
}
