package org.onedoor.web.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.user.HallRole;
import org.onedoor.api.user.HallUser;
import org.onedoor.web.internal.Fakes;

/** A wrong password costs one password hash whether the user exists or not, so the answer's timing does not tell. */
public class LoginGuardTest {

    private final AtomicInteger realmHashes = new AtomicInteger();
    private final AtomicInteger dummyHashes = new AtomicInteger();
    private final Fakes.Audit audit = new Fakes.Audit();

    /** The JAAS realm hashes only for a name it knows, like Karaf's properties login module. */
    private final LoginGuard guard = new LoginGuard(audit,
            Fakes.users(Map.of("clerk1", new HallUser("clerk1", Set.of(HallRole.CLERK), Optional.empty(), false))),
            Fakes.throttle(), (user, password) -> {
                if (!user.equals("clerk1")) {
                    return Optional.empty();
                }
                realmHashes.incrementAndGet();
                return password.equals("right-Password") ? Optional.of(new HallPrincipal(user, Set.of("clerk"), Optional.empty()))
                        : Optional.empty();
            }, dummyHashes::incrementAndGet);

    @Test
    void anUnknownUserCostsAHashLikeAKnownOne() {
        assertTrue(guard.login("nobody", "guess", "10.0.0.1", "HTTP Basic").principal().isEmpty());
        assertEquals(1, realmHashes.get() + dummyHashes.get(), "an unknown name is hashed once");

        assertTrue(guard.login("clerk1", "guess", "10.0.0.1", "HTTP Basic").principal().isEmpty());
        assertEquals(2, realmHashes.get() + dummyHashes.get(), "a known name with a wrong password is hashed once");

        assertTrue(guard.login("clerk1", "right-Password", "10.0.0.1", "HTTP Basic").principal().isPresent());
        assertEquals(1, dummyHashes.get(), "a right password costs no extra hash");
        assertEquals(2, audit.events.size(), "both failures are audited");
    }
}
