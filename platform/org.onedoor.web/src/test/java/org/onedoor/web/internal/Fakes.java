package org.onedoor.web.internal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.OpenedSession;
import org.onedoor.api.session.SessionKind;
import org.onedoor.api.user.HallUser;
import org.onedoor.api.user.HallUsers;

/** Stand-ins for the core's services in web tests: sessions in a map, an audit trail that keeps events, users by name. */
public final class Fakes {

    private Fakes() {
    }

    /** Sessions by token; counts the look-ups. */
    public static final class Sessions implements HallSessions {
        final Map<String, ActiveSession> byToken = new ConcurrentHashMap<>();
        public final AtomicInteger finds = new AtomicInteger();

        public String add(String token, SessionKind kind, HallPrincipal principal) {
            byToken.put(token, new ActiveSession(kind, principal, Instant.parse("2027-01-01T00:00:00Z")));
            return token;
        }

        @Override
        public OpenedSession open(HallPrincipal principal, SessionKind kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ActiveSession> find(String token) {
            finds.incrementAndGet();
            return Optional.ofNullable(byToken.get(token));
        }

        @Override
        public boolean csrfMatches(String token, String csrfToken) {
            return ("csrf-" + token).equals(csrfToken);
        }

        @Override
        public void revoke(String token) {
            byToken.remove(token);
        }

        @Override
        public int revokeUser(String user) {
            return 0;
        }
    }

    /** Keeps the recorded events. */
    public static final class Audit implements AuditTrail {
        public final List<AuditEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public AuditRecord record(AuditEvent event) {
            events.add(event);
            return null;
        }

        @Override
        public List<AuditRecord> recent(String action, String actor, int limit) {
            return List.of();
        }

        @Override
        public AuditVerification verify() {
            throw new UnsupportedOperationException();
        }
    }

    /** @return the core's sign-in throttle on a fresh in-memory H2 database migrated with the store's real migrations */
    public static org.onedoor.api.signin.SignInThrottle throttle() {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL("jdbc:h2:mem:throttle-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .table("onedoor_schema_history").load().migrate();
        return new org.onedoor.core.internal.user.LoginThrottle(new org.onedoor.store.HallDatabase(ds));
    }

    /** A user service that knows only {@code user(name)}: the given names exist. */
    public static HallUsers users(Map<String, HallUser> known) {
        return (HallUsers) Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {HallUsers.class}, (proxy, method, args) -> {
            if (method.getName().equals("user")) {
                return Optional.ofNullable(known.get((String) args[0]));
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
