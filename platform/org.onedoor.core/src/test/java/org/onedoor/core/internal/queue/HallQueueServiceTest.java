package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.hall.HoursStatus;
import org.onedoor.api.hall.OfficeHours;
import org.onedoor.api.queue.IssuedTicket;
import org.onedoor.api.queue.OutsideOfficeHoursException;
import org.onedoor.api.queue.QueueEvent;
import org.onedoor.api.queue.QueueException;
import org.onedoor.api.queue.Ticket;
import org.onedoor.api.queue.WindowDesk;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.queue.TicketStatus;
import org.onedoor.core.internal.zone.TestStore;

/** The queue's rules on the real store: numbering, order, windows, no-shows, transfers, events. */
class HallQueueServiceTest {

    private QueueFixture hall;
    private HallQueueService queue;

    @BeforeEach
    void start() {
        hall = new QueueFixture(TestStore.migrated(), 1);
        queue = hall.queue;
    }

    private IssuedTicket issue(String zone, TicketPriority priority, String reasonOrAppointment) {
        return queue.issue(new TicketRequest(zone, "", "", priority,
                priority == TicketPriority.GREEN ? reasonOrAppointment : "",
                priority == TicketPriority.APPOINTMENT ? reasonOrAppointment : "", ""));
    }

    private IssuedTicket issue(String zone) {
        return issue(zone, TicketPriority.NORMAL, "");
    }

    /** Office hours that say the hall is closed (enforced or not) until 08:00 the next morning. */
    private static OfficeHours closedUntilMorning(boolean enforced) {
        ZonedDateTime opens = ZonedDateTime.of(2026, 12, 4, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
        return new OfficeHours() {
            @Override
            public HoursStatus status(String hallId, String zoneId, Instant at) {
                return now(hallId, zoneId);
            }

            @Override
            public HoursStatus now(String hallId, String zoneId) {
                return new HoursStatus(zoneId, enforced, false, List.of(), Optional.empty(), Optional.of(opens));
            }
        };
    }

    @Test
    void outsideOfficeHoursANewTicketIsRefusedButARetryOrACheckedInAppointmentIsNot() {
        IssuedTicket first = queue.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "kiosk-1-0001"));
        queue.hours = closedUntilMorning(true);

        OutsideOfficeHoursException refused = assertThrows(OutsideOfficeHoursException.class, () -> issue("police"));
        assertEquals("outside-office-hours", refused.code());
        assertEquals(8, refused.nextOpening().orElseThrow().getHour());
        assertTrue(refused.getMessage().contains("下次开放时间 12月4日 08:00"), refused.getMessage());
        assertEquals(1, queue.waitingTickets("police").size(), "nothing stored for the refused request");

        IssuedTicket retry = queue.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "kiosk-1-0001"));
        assertTrue(retry.replayed(), "a retry of a request stored before closing gets its ticket");
        assertEquals(first.ticket().id(), retry.ticket().id());
        assertEquals(TicketStatus.WAITING, issue("police", TicketPriority.APPOINTMENT, "APT-20261203-0007").ticket().status());

        queue.hours = closedUntilMorning(false);
        assertEquals("G003", issue("police").ticket().number(), "hours not enforced: tickets at any time");
    }

    @Test
    void aTicketKeepsTheKioskThatIssuedItAndABadKioskIdIsRefused() {
        Ticket kiosk = queue.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "", "kiosk-a")).ticket();
        assertEquals("kiosk-a", kiosk.kiosk());
        assertEquals("kiosk-a", queue.ticket(kiosk.id()).orElseThrow().kiosk(), "read back from the store");
        assertEquals("", queue.ticket(issue("police").ticket().id()).orElseThrow().kiosk(), "a ticket of no kiosk");
        assertThrows(IllegalArgumentException.class,
                () -> new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "", "Kiosk A"));
        queue.signIn(97, "clerk1");
        queue.as("clerk1").callNext(97);
        assertEquals("kiosk-a", queue.windows().stream().filter(w -> w.windowNumber() == 97).findFirst().orElseThrow()
                .current().orElseThrow().kiosk(), "the ticket at the window keeps its kiosk too");
    }

    @Test
    void numbersAreTheZoneLetterAndADailySequence() {
        assertEquals("G001", issue("police").ticket().number());
        assertEquals("G002", issue("police").ticket().number());
        assertEquals("H001", issue("tax").ticket().number());
        assertEquals(TicketStatus.WAITING, queue.ticketByNumber("g002").orElseThrow().status());
    }

    @Test
    void aClerkActsOnlyAtTheWindowItHoldsCheckedInTheAction() {
        Ticket t = issue("police").ticket();
        queue.signIn(97, "clerk1");
        WindowDesk clerk1 = queue.as("clerk1");
        WindowDesk clerk2 = queue.as("clerk2");
        for (org.junit.jupiter.api.function.Executable action : List.<org.junit.jupiter.api.function.Executable>of(
                () -> clerk2.callNext(97), () -> clerk2.recall(97), () -> clerk2.pause(97, true),
                () -> clerk2.transfer(97, "tax", 0), () -> clerk2.signOut(97))) {
            QueueException refused = assertThrows(QueueException.class, action);
            assertEquals("not-your-window", refused.code());
            assertEquals(QueueException.Reason.FORBIDDEN, refused.reason());
        }
        assertEquals(t.number(), clerk1.callNext(97).orElseThrow().number());
        // the window changes hands: the clerk who left it can no longer act there, the new one can
        queue.complete(97);
        queue.signOut(97);
        queue.signIn(97, "clerk2");
        assertEquals("not-your-window", assertThrows(QueueException.class, () -> clerk1.pause(97, true)).code());
        assertTrue(clerk2.pause(97, true).paused());
    }

    @Test
    void appointmentsThenGreenChannelThenFirstComeFirstServed() {
        Ticket normal1 = issue("police").ticket();
        Ticket green = issue("police", TicketPriority.GREEN, "elderly").ticket();
        Ticket normal2 = issue("police").ticket();
        Ticket appointment = issue("police", TicketPriority.APPOINTMENT, "APT-20261127-0042").ticket();
        assertEquals(1, queue.waiting(appointment.id()).orElseThrow().position());
        assertEquals(4, queue.waiting(normal2.id()).orElseThrow().position());

        queue.signIn(97, "clerk1");
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Ticket called = queue.callNext(97).orElseThrow();
            order.add(called.number());
            queue.complete(97);
        }
        assertEquals(List.of(appointment.number(), green.number(), normal1.number(), normal2.number()), order);
        assertTrue(queue.callNext(97).isEmpty());
    }

    @Test
    void aUniversalWindowServesEveryZoneInHallOrder() {
        Ticket tax = issue("tax").ticket();
        Ticket police = issue("police").ticket();
        queue.signIn(89, "clerk9");
        assertEquals(tax.number(), queue.callNext(89).orElseThrow().number());
        queue.complete(89);
        assertEquals(police.number(), queue.callNext(89).orElseThrow().number());
    }

    @Test
    void aNoShowIsRequeuedOnceThenDropped() {
        Ticket first = issue("police").ticket();
        Ticket second = issue("police").ticket();
        queue.signIn(97, "clerk1");
        assertEquals(first.id(), queue.callNext(97).orElseThrow().id());
        assertEquals(TicketStatus.WAITING, queue.noShow(97).status());
        assertEquals(second.id(), queue.callNext(97).orElseThrow().id(), "the re-queued ticket goes behind");
        queue.complete(97);
        assertEquals(first.id(), queue.callNext(97).orElseThrow().id());
        assertEquals(TicketStatus.NO_SHOW, queue.noShow(97).status());
        assertTrue(queue.callNext(97).isEmpty());
    }

    @Test
    void aTransferredTicketKeepsItsPlace() {
        Ticket early = issue("police").ticket();
        issue("tax");
        issue("tax");
        queue.signIn(97, "clerk1");
        queue.callNext(97);
        Ticket moved = queue.transfer(97, "tax", 0);
        assertEquals("tax", moved.zoneId());
        assertEquals(1, queue.waiting(early.id()).orElseThrow().position(), "issued before the tax tickets, it is first there");
        queue.signIn(137, "clerk2");
        assertEquals(early.id(), queue.callNext(137).orElseThrow().id());
        queue.transfer(137, "", 138);
        queue.signIn(138, "clerk3");
        assertEquals(early.id(), queue.callNext(138).orElseThrow().id(), "sent to window 138, it is that window's first");
    }

    @Test
    void windowsMustBeSignedInAndFree() {
        issue("police");
        assertEquals("window-not-signed-in", assertThrows(QueueException.class, () -> queue.callNext(98)).code());
        queue.signIn(98, "clerk1");
        queue.callNext(98);
        assertEquals("window-busy", assertThrows(QueueException.class, () -> queue.callNext(98)).code());
        queue.start(98);
        assertEquals("window-serving", assertThrows(QueueException.class, () -> queue.signOut(98)).code());
        assertEquals("wrong-ticket-state", assertThrows(QueueException.class, () -> queue.recall(98)).code());
        queue.complete(98);
        queue.pause(98, true);
        assertEquals("window-paused", assertThrows(QueueException.class, () -> queue.callNext(98)).code());
        assertEquals("unknown-window", assertThrows(QueueException.class, () -> queue.signIn(5000, "x")).code());
    }

    @Test
    void aWindowHeldByOneClerkIsNotTakenByAnother() {
        queue.signIn(99, "clerk1");
        QueueException held = assertThrows(QueueException.class, () -> queue.signIn(99, "clerk2"));
        assertEquals("window-held", held.code());
        assertEquals(QueueException.Reason.CONFLICT, held.reason());
        assertTrue(held.getMessage().contains("clerk1"), held.getMessage());
        assertEquals("clerk1", queue.session(99).orElseThrow().clerk());
        queue.signIn(99, "clerk1");
        queue.signOut(99);
        assertEquals("clerk2", queue.signIn(99, "clerk2").clerk());
    }

    @Test
    void closedUnknownZonesAndBadRequestsAreRefused() {
        hall.zones.remove(hall.tax);
        QueueException closed = assertThrows(QueueException.class, () -> issue("tax"));
        assertEquals("zone-closed", closed.code());
        assertEquals(QueueException.Reason.NOT_FOUND, assertThrows(QueueException.class, () -> issue("atlantis")).reason());
        assertEquals("invalid-green-reason", assertThrows(QueueException.class,
                () -> issue("police", TicketPriority.GREEN, "VIP")).code());
        assertEquals("invalid-appointment", assertThrows(QueueException.class,
                () -> issue("police", TicketPriority.APPOINTMENT, "")).code());
        assertTrue(queue.waitingTickets("").isEmpty(), "nothing was issued");
    }

    @Test
    void anIdempotencyKeyReturnsTheSameTicket() {
        TicketRequest r = new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", "kiosk-3:7f1c");
        IssuedTicket first = queue.issue(r);
        IssuedTicket again = queue.issue(r);
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.ticket().id(), again.ticket().id());
        assertEquals(1, queue.waitingTickets("police").size());
    }

    @Test
    void everyChangeEmitsAGapFreeNumberedEvent() {
        issue("police");
        issue("tax");
        queue.signIn(97, "clerk1");
        queue.callNext(97);
        queue.recall(97);
        List<QueueEvent> events = hall.events;
        assertEquals(List.of("ISSUED", "ISSUED", "WINDOW_OPEN", "CALLED", "RECALLED"), events.stream().map(QueueEvent::type).toList());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).seq());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().filter(e -> e.zoneId().equals("police")).map(QueueEvent::zoneSeq).toList());
        assertEquals(events.size(), queue.lastSeq());
    }

    @Test
    void theWaitEstimateGrowsWithPositionAndShrinksWithOpenWindows() {
        assertEquals(3, WaitEstimate.minutes(1, 5, 1));
        assertEquals(23, WaitEstimate.minutes(5, 5, 1));
        assertEquals(12, WaitEstimate.minutes(5, 5, 2));
        assertEquals(3, WaitEstimate.minutes(1, 5, 0));
    }
}
