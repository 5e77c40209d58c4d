package org.onedoor.core.internal.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.store.HallDatabase;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;
import org.onedoor.api.queue.TicketPriority;
import org.onedoor.api.queue.TicketRequest;
import org.onedoor.api.stats.ZoneQueueDay;
import org.onedoor.core.internal.stats.JdbcQueueStatistics;
import org.onedoor.core.internal.zone.TestStore;

/** The queue's day figures as the database computes them from tickets issued, called and served on a moving clock. */
class QueueStatisticsTest {

    /** A clock the test moves forward. */
    private static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-11-27T01:00:00Z"); // 09:00 in the hall

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return QueueFixture.HALL_ZONE; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private final StepClock clock = new StepClock();
    private HallQueueService queue;
    private JdbcQueueStatistics stats;

    private QueueFixture fixture;

    @BeforeEach
    void start() {
        DataSource ds = TestStore.migrated();
        fixture = new QueueFixture(ds, 0, clock);
        queue = fixture.queue;
        stats = new JdbcQueueStatistics(new HallDatabase(ds));
    }

    private void issue(String zone) {
        queue.issue(new TicketRequest(zone, "", "", TicketPriority.NORMAL, "", "", ""));
    }

    @Test
    void aDayWithoutTicketsHasNoFigures() {
        assertTrue(stats.day(DAY).isEmpty());
    }

    @Test
    void waitingAndServiceTimesAndCountsPerZone() {
        issue("police");                          // G001 at 09:00
        clock.advance(Duration.ofMinutes(2));
        issue("police");                          // G002 at 09:02
        issue("tax");                             // H001 at 09:02
        queue.signIn(97, "clerk1");
        clock.advance(Duration.ofMinutes(4));
        queue.callNext(97);                       // G001 called at 09:06: waited 6 min
        queue.start(97);
        clock.advance(Duration.ofMinutes(3));
        queue.complete(97);                       // served 3 min
        clock.advance(Duration.ofMinutes(1));
        queue.callNext(97);                       // G002 called at 09:10: waited 8 min
        queue.noShow(97);                         // no requeue in this hall: a no-show
        issue("police");                          // G003 waiting

        List<ZoneQueueDay> day = stats.day(DAY);
        assertEquals(List.of("police", "tax"), day.stream().map(ZoneQueueDay::zoneId).toList());
        ZoneQueueDay police = day.get(0);
        assertEquals(3, police.issued());
        assertEquals(1, police.waiting());
        assertEquals(0, police.atWindow());
        assertEquals(1, police.served());
        assertEquals(1, police.noShows());
        assertEquals(7.0, police.averageWaitMinutes(), 0.001);
        assertEquals(8.0, police.longestWaitMinutes(), 0.001);
        assertEquals(3.0, police.averageServiceMinutes(), 0.001);

        ZoneQueueDay tax = day.get(1);
        assertEquals(1, tax.issued());
        assertEquals(1, tax.waiting());
        assertEquals(0, tax.served());
        assertEquals(-1, tax.averageWaitMinutes(), 0.001, "no ticket called: no waiting time");
        assertEquals(-1, tax.averageServiceMinutes(), 0.001);
    }

    @Test
    void aTicketAtTheWindowCountsThereAndOtherDaysStayApart() {
        issue("police");
        queue.signIn(97, "clerk1");
        clock.advance(Duration.ofSeconds(90));
        queue.callNext(97);
        ZoneQueueDay police = stats.day(DAY).get(0);
        assertEquals(1, police.atWindow());
        assertEquals(1.5, police.averageWaitMinutes(), 0.001);
        assertTrue(stats.day(DAY.minusDays(1)).isEmpty());
        assertTrue(stats.day(DAY.plusDays(1)).isEmpty());
    }

    @Test
    void eachHallHasItsOwnFiguresAndTheDefaultHallsAreThoseOfBefore() {
        var police = QueueFixture.zone("police", "G", false, 1, 2).descriptor().inHall(HallsQueueTest.XIPING.id());
        fixture.zones.add(() -> police);
        queue.halls = new HallDirectory() {
            @Override public List<Hall> halls() { return List.of(defaultHall(), HallsQueueTest.XIPING); }
            @Override public Optional<Hall> hall(String id) { return halls().stream().filter(h -> h.id().equals(id)).findFirst(); }
            @Override public Hall defaultHall() { return new Hall(Hall.DEFAULT_ID, "驻马店市民之家", "Zhumadian Citizen Center", ""); }
        };
        HallQueueService xiping = queue.inHall("xiping");
        issue("police");                                                                        // the default hall's G001
        xiping.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", ""));   // Xiping's G001
        xiping.issue(new TicketRequest("police", "", "", TicketPriority.NORMAL, "", "", ""));   // Xiping's G002
        xiping.signIn(1, "clerk-xiping");
        clock.advance(Duration.ofMinutes(5));
        xiping.callNext(1);

        List<ZoneQueueDay> inXiping = stats.day("xiping", DAY);
        assertEquals(1, inXiping.size());
        assertEquals(2, inXiping.get(0).issued());
        assertEquals(1, inXiping.get(0).atWindow());
        assertEquals(5.0, inXiping.get(0).averageWaitMinutes(), 0.001);
        List<ZoneQueueDay> inZhumadian = stats.day(DAY);
        assertEquals(1, inZhumadian.get(0).issued(), "the police zone of the default hall counts only its own ticket");
        assertEquals(0, inZhumadian.get(0).atWindow());
        assertEquals(inZhumadian, stats.day(Hall.DEFAULT_ID, DAY));
        assertTrue(stats.day("atlantis", DAY).isEmpty());
    }
}
