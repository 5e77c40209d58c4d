package org.onedoor.core.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.session.ActiveSession;
import org.onedoor.api.session.HallPrincipal;
import org.onedoor.api.session.OpenedSession;
import org.onedoor.api.session.SessionKind;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

class JdbcHallSessionsTest {

    private final DataSource store = TestStore.migrated();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final JdbcHallSessions sessions = new JdbcHallSessions(new HallDatabase(store), clock);
    private final HallPrincipal a17 = new HallPrincipal("dept.a17", Set.of("department", "dept:A17"), Optional.of("A17"));

    @Test
    void aTokenFindsItsPrincipalUntilItExpires() {
        OpenedSession opened = sessions.open(a17, SessionKind.API);
        ActiveSession found = sessions.find(opened.token()).orElseThrow();
        assertEquals(a17, found.principal());
        assertEquals(SessionKind.API, found.kind());
        assertEquals(Instant.parse("2026-11-27T16:00:00Z"), opened.expiresAt());
        clock.now = clock.now.plus(Duration.ofHours(8)).minusSeconds(1);
        assertTrue(sessions.find(opened.token()).isPresent());
        clock.now = clock.now.plusSeconds(1);
        assertTrue(sessions.find(opened.token()).isEmpty());
    }

    @Test
    void logoutAndUserRevocationEndSessions() {
        OpenedSession one = sessions.open(a17, SessionKind.API);
        OpenedSession two = sessions.open(a17, SessionKind.PAGE);
        OpenedSession other = sessions.open(new HallPrincipal("op1", Set.of("operator"), Optional.empty()), SessionKind.API);
        sessions.revoke(one.token());
        assertTrue(sessions.find(one.token()).isEmpty());
        assertTrue(sessions.find(two.token()).isPresent());
        assertEquals(1, sessions.revokeUser("dept.a17"));
        assertTrue(sessions.find(two.token()).isEmpty());
        assertTrue(sessions.find(other.token()).isPresent());
        sessions.revoke(one.token());
        sessions.revoke("never-issued");
    }

    @Test
    void unknownOrGuessedTokensFindNothing() {
        sessions.open(a17, SessionKind.API);
        assertTrue(sessions.find("").isEmpty());
        assertTrue(sessions.find("x".repeat(43)).isEmpty());
    }

    @Test
    void pageSessionsCarryACsrfTokenAndOtherKindsNone() {
        OpenedSession page = sessions.open(a17, SessionKind.PAGE);
        assertEquals(43, page.csrfToken().length());
        assertNotEquals(page.token(), page.csrfToken());
        assertTrue(sessions.csrfMatches(page.token(), page.csrfToken()));
        assertFalse(sessions.csrfMatches(page.token(), page.token()));
        OpenedSession api = sessions.open(a17, SessionKind.API);
        assertEquals("", api.csrfToken());
        assertFalse(sessions.csrfMatches(api.token(), ""));
    }

    @Test
    void onlyDigestsOfTokensAreStored() throws Exception {
        OpenedSession page = sessions.open(a17, SessionKind.PAGE);
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT token_digest, csrf_digest FROM auth_session")) {
            assertTrue(rs.next());
            assertEquals(JdbcHallSessions.digest(page.token()), rs.getString(1));
            assertNotEquals(page.token(), rs.getString(1));
            assertNotEquals(page.csrfToken(), rs.getString(2));
        }
    }

    @Test
    void deviceTokensLastAYear() {
        OpenedSession device = sessions.open(new HallPrincipal("kiosk1", Set.of("kiosk"), Optional.empty()), SessionKind.DEVICE);
        clock.now = clock.now.plus(Duration.ofDays(364));
        assertTrue(sessions.find(device.token()).isPresent());
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
