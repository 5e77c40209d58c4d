package org.onedoor.core.internal.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.HallSessions;
import org.onedoor.api.session.OpenedSession;
import org.onedoor.api.session.SessionKind;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sessions in the table {@code auth_session}: 256-bit random tokens, stored only as SHA-256
 * digests, with the principal as it was at sign-in.
 */
@Component(service = HallSessions.class)
public final class JdbcHallSessions implements HallSessions {

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public JdbcHallSessions(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    JdbcHallSessions(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public OpenedSession open(HallPrincipal principal, SessionKind kind) {
        String token = secret();
        String csrf = kind == SessionKind.PAGE ? secret() : "";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = now.plus(kind.lifetime());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO auth_session (token_digest, kind, username, roles, department,"
                        + " csrf_digest, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, digest(token));
            ps.setString(2, kind.name());
            ps.setString(3, principal.user());
            ps.setString(4, String.join(",", principal.roles().stream().sorted().toList()));
            ps.setString(5, principal.department().orElse(null));
            ps.setString(6, csrf.isEmpty() ? null : digest(csrf));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setTimestamp(8, Timestamp.from(expires));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a session for " + principal.user() + ": " + e.getMessage(), e);
        }
        return new OpenedSession(token, csrf, kind, principal, expires);
    }

    @Override
    public Optional<ActiveSession> find(String token) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT kind, username, roles, department, expires_at FROM auth_session"
                        + " WHERE token_digest = ? AND revoked_at IS NULL AND expires_at > ?")) {
            ps.setString(1, digest(token));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Set<String> roles = new HashSet<>(Arrays.asList(rs.getString(3).split(",")));
                roles.remove("");
                HallPrincipal principal = new HallPrincipal(rs.getString(2), roles, Optional.ofNullable(rs.getString(4)));
                return Optional.of(new ActiveSession(SessionKind.valueOf(rs.getString(1)), principal, rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sessions: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean csrfMatches(String token, String csrfToken) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT csrf_digest FROM auth_session WHERE token_digest = ?")) {
            ps.setString(1, digest(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return false;
                }
                return MessageDigest.isEqual(rs.getString(1).getBytes(StandardCharsets.US_ASCII),
                        digest(csrfToken).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sessions: " + e.getMessage(), e);
        }
    }

    @Override
    public void revoke(String token) {
        update("UPDATE auth_session SET revoked_at = ? WHERE token_digest = ? AND revoked_at IS NULL", digest(token));
    }

    @Override
    public int revokeUser(String user) {
        return update("UPDATE auth_session SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL", user);
    }

    private int update(String sql, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, key);
            return ps.executeUpdate();
        } catch (SQLException e) {
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
