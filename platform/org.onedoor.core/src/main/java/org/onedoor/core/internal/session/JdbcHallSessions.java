package org.onedoor.core.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.OpenedSession;
import org.onedoor.api.session.SessionKind;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sessions in the table {@code auth_session}: 256-bit random tokens, stored only as SHA-256
 * digests, with the principal as it was at sign-in.
 */
@Component(service = HallSessions.class)
public final class JdbcHallSessions implements HallSessions {

    private final HallDatabase database;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public JdbcHallSessions(@Reference HallDatabase database) {
        this(database, Clock.systemUTC());
    }

    JdbcHallSessions(HallDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public OpenedSession open(HallPrincipal principal, SessionKind kind) {
        String token = secret();
        String csrf = kind == SessionKind.PAGE ? secret() : "";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(kind.lifetime());
        try {
            database.withHandle(h -> h.createUpdate("INSERT INTO auth_session (token_digest, kind, username, roles, department,"
                    + " csrf_digest, created_at, expires_at)"
                    + " VALUES (:token, :kind, :user, :roles, :department, :csrf, :created, :expires)")
                    .bind("token", digest(token))
                    .bind("kind", kind.name())
                    .bind("user", principal.user())
                    .bind("roles", String.join(",", principal.roles().stream().sorted().toList()))
                    .bind("department", principal.department().orElse(null))
                    .bind("csrf", csrf.isEmpty() ? null : digest(csrf))
                    .bind("created", now)
                    .bind("expires", expires)
                    .execute());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot open a session for " + principal.user() + ": " + e.getMessage(), e);
        }
        return new OpenedSession(token, csrf, kind, principal, expires);
    }

    @Override
    public Optional<ActiveSession> find(String token) {
        try {
            return database.withHandle(h -> h.createQuery("SELECT kind, username, roles, department, expires_at FROM auth_session"
                    + " WHERE token_digest = :token AND revoked_at IS NULL AND expires_at > :now")
                    .bind("token", digest(token))
                    .bind("now", clock.instant())
                    .map((rs, ctx) -> {
                        Set<String> roles = new HashSet<>(Arrays.asList(rs.getString("roles").split(",")));
                        roles.remove("");
                        HallPrincipal principal = new HallPrincipal(rs.getString("username"), roles,
                                Optional.ofNullable(rs.getString("department")));
                        return new ActiveSession(SessionKind.valueOf(rs.getString("kind")), principal,
                                rs.getTimestamp("expires_at").toInstant());
                    })
                    .findOne());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read sessions: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean csrfMatches(String token, String csrfToken) {
        Optional<String> stored;
        try {
            stored = database.withHandle(h -> h.createQuery("SELECT csrf_digest FROM auth_session WHERE token_digest = :token")
                    .bind("token", digest(token))
                    .map((rs, ctx) -> rs.getString("csrf_digest"))
                    .findOne());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read sessions: " + e.getMessage(), e);
        }
        return stored.isPresent() && MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
                digest(csrfToken).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void revoke(String token) {
        revoked(() -> database.withHandle(h -> h.createUpdate(
                "UPDATE auth_session SET revoked_at = :now WHERE token_digest = :token AND revoked_at IS NULL")
                .bind("now", clock.instant()).bind("token", digest(token))
                .execute()));
    }

    @Override
    public int revokeUser(String user) {
        return revoked(() -> database.withHandle(h -> h.createUpdate(
                "UPDATE auth_session SET revoked_at = :now WHERE username = :user AND revoked_at IS NULL")
                .bind("now", clock.instant()).bind("user", user)
                .execute()));
    }

    /** @return how many sessions the revocation ended */
    private static int revoked(IntSupplier revocation) {
        try {
            return revocation.getAsInt();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot end sessions: " + e.getMessage(), e);
        }
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM offers no SHA-256", e);
        }
    }
}
