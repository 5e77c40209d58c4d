package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.store.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V77 on H2 and on PostgreSQL (127.0.0.1:5432, started by .ci/run): the queue of before becomes the
 * default hall's, numbering on where it stopped, and a second hall numbers its own from 1.
 */
class QueuePerHallMigrationTest {

    @Test
    void onH2() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        migrateWithAQueueOfBefore(ds);
    }

    @Test
    void onPostgres() throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_halls")) {
            PGSimpleDataSource ds = pg.dataSource();
            migrateWithAQueueOfBefore(ds);
        }
    }

    private static void migrateWithAQueueOfBefore(DataSource ds) throws Exception {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").target("76").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ticket_counter (zone_id, hall_day, last_number) VALUES ('police', DATE '2026-11-27', 7)");
            s.executeUpdate("INSERT INTO ticket (id, ticket_no, zone_id, issued_zone_id, hall_day, seq, priority, priority_class, "
                    + "green_reason, appointment_id, category, matter_code, queue_pos, status, window_no, for_window, no_shows, issued_at) "
                    + "VALUES ('t-before', 'G007', 'police', 'police', DATE '2026-11-27', 7, 'NORMAL', 2, '', '', '', '', -5, 'CALLED', "
                    + "97, 0, 0, TIMESTAMP '2026-11-27 01:00:00')");
            s.executeUpdate("INSERT INTO window_session (window_no, zone_id, clerk, signed_in_at, paused) "
                    + "VALUES (97, 'police', 'clerk-a', TIMESTAMP '2026-11-27 01:00:00', FALSE)");
            s.executeUpdate("INSERT INTO queue_seq (scope, last_value) VALUES ('zone:police', 9)");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("onedoor_schema_history").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("ticket", "ticket_counter", "window_session")) {
                try (ResultSet rs = s.executeQuery("SELECT hall_id FROM " + table)) {
                    assertTrue(rs.next(), table);
                    assertEquals(Hall.DEFAULT_ID, rs.getString(1), table + " of before belongs to the default hall");
                }
            }
        }
        QueueFixture fixture = new QueueFixture(ds, 1);
        fixture.zones.add(inXiping(QueueFixture.zone("police", "G", false, 1, 2)));
        HallQueueService zhumadian = fixture.queue;
        zhumadian.halls = new HallDirectory() {
            @Override public List<Hall> halls() { return List.of(defaultHall(), HallsQueueTest.XIPING); }
            @Override public Optional<Hall> hall(String id) { return halls().stream().filter(h -> h.id().equals(id)).findFirst(); }
            @Override public Hall defaultHall() { return new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", ""); }
        };
        HallQueueService xiping = zhumadian.inHall("xiping");

        assertEquals("G007", zhumadian.session(97).orElseThrow().current().orElseThrow().number(), "the window keeps its ticket");
        Ticket a = zhumadian.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "")).ticket();
        Ticket b = xiping.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "")).ticket();
        assertEquals("G008", a.number(), "the default hall numbers on");
        assertEquals("G001", b.number(), "a new hall numbers from 1");
        assertEquals(10L, zhumadian.lastZoneSeqs().get("police"));
        assertEquals(1L, xiping.lastZoneSeqs().get("police"));
        xiping.signIn(1, "clerk-b");
        assertEquals(b.id(), xiping.callNext(1).orElseThrow().id());
        zhumadian.complete(97);
        assertEquals(a.id(), zhumadian.callNext(97).orElseThrow().id());
    }

    private static org.onedoor.api.zone.Zone inXiping(org.onedoor.api.zone.Zone zone) {
        var d = zone.descriptor().inHall("xiping");
        return () -> d;
    }
}
