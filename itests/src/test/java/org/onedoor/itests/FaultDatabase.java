package org.onedoor.itests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The durable record a fault campaign is checked against: the hall's tickets, queue events and cases, read by JDBC. */
record FaultDatabase(List<Ticket> tickets, List<Event> events, List<Case> cases) {

    /** A row of {@code ticket}: numbered by {@code seq} within (issued zone, hall day). */
    record Ticket(String id, String number, String zone, String day, int seq, String key) {
    }

    /** A row of {@code queue_event}: {@code seq} orders the hall's events (with gaps), {@code zoneSeq} is gap-free per zone. */
    record Event(long seq, String zone, long zoneSeq, String type, String ticketId, int window) {
    }

    /** A row of {@code hall_case}. */
    record Case(String number, String key) {
    }

    static FaultDatabase read(Connection c) throws SQLException {
        List<Ticket> tickets = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, ticket_no, issued_zone_id, hall_day, seq, idempotency_key FROM ticket")) {
                while (r.next()) {
                    tickets.add(new Ticket(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5), r.getString(6)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT seq, zone_id, zone_seq, type, ticket_id, window_no FROM queue_event")) {
                while (r.next()) {
                    events.add(new Event(r.getLong(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5), r.getInt(6)));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT case_no, idempotency_key FROM hall_case")) {
                while (r.next()) {
                    cases.add(new Case(r.getString(1), r.getString(2)));
                }
            }
        }
        return new FaultDatabase(tickets, events, cases);
    }
}
