package org.onedoor.core.internal.matter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onedoor.api.matter.MatterChange;
import org.onedoor.api.matter.MatterChangeKind;
import org.onedoor.api.matter.MatterChangeRequest;
import org.onedoor.api.matter.MatterChangeStatus;
import org.onedoor.api.matter.MatterQuery;
import org.onedoor.core.internal.calendar.CalendarFixtures;
import org.onedoor.core.internal.department.HallDepartments;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/** Dynamic adjustment (R7) on the real store, calendar and catalog, with the hall's clock set by the test. */
class JdbcMatterChangesTest {

    /** The hall's time zone, as the node's HallClock has it by default. */
    private static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    /** A clock the test moves from day to day. */
    static final class HallClock extends Clock {
        private Instant now;

        HallClock(String date) {
            set(date);
        }

        void set(String date) {
            now = LocalDate.parse(date).atTime(10, 0).atZone(HALL_ZONE).toInstant();
        }

        @Override public ZoneId getZone() { return HALL_ZONE; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    static final String RENT_CHANGED = "{\"code\": \"A26-002\", \"departmentId\": \"A26\", \"nameZh\": \"住房公积金提取（租赁住房，含公共租赁住房）\","
            + " \"type\": \"ADMINISTRATIVE_PAYMENT\", \"materials\": [{\"name\": \"职工本人居民身份证\", \"kind\": \"MAIN\"}],"
            + " \"statutoryDays\": 3, \"committedDays\": 0, \"immediate\": true, \"online\": true}";

    private final HallClock clock = new HallClock("2026-11-27");
    private MatterRegistry catalog;
    private JdbcMatterChanges changes;

    @BeforeEach
    void start() {
        DataSource ds = TestStore.migrated();
        catalog = new MatterRegistry();
        catalog.offer("fund", "fund plug-in", Set.of("A26"), List.of(
                CatalogStateTest.matter("A26-002", "住房公积金提取（租赁住房）", "provident-fund"),
                CatalogStateTest.matter("A26-003", "住房公积金提取（离休、退休）", "provident-fund")));
        changes = new JdbcMatterChanges(new HallDatabase(ds), catalog, catalog, new HallDepartments(), CalendarFixtures.calendarOn(ds), clock,
                new org.onedoor.core.internal.time.HallScheduler());
    }

    @AfterEach
    void stop() {
        changes.close();
    }

    private MatterChange file(MatterChangeKind kind, String code, String json, String effective) {
        return changes.file(new MatterChangeRequest(kind, code, json, LocalDate.parse(effective), "《住房公积金管理条例》修订", "dept-a26"));
    }

    @Test
    void aConfirmedChangeTakesEffectOnItsDateAndIsAnnounced() {
        MatterChange filed = file(MatterChangeKind.CHANGE, "A26-002", RENT_CHANGED, "2026-12-01");
        assertEquals(LocalDate.parse("2026-12-11"), filed.confirmBy(), "10 working days after Friday 27 November");
        assertEquals(MatterChangeStatus.FILED, filed.status());
        assertEquals(List.of(filed.id()), changes.awaitingConfirmation().stream().map(MatterChange::id).toList());

        changes.confirm(filed.id(), "operator1");
        assertEquals(1, changes.announcements().size());
        changes.refreshNow();
        assertEquals("住房公积金提取（租赁住房）", catalog.matter("A26-002").orElseThrow().nameZh(), "not before its date");

        clock.set("2026-12-01");
        changes.refreshNow();
        assertEquals("住房公积金提取（租赁住房，含公共租赁住房）", catalog.matter("A26-002").orElseThrow().nameZh());
        assertEquals("change-" + filed.id(), catalog.matter("A26-002").orElseThrow().revision());
        assertEquals(1, changes.history("A26-002").size());
        assertThrows(IllegalStateException.class, () -> changes.confirm(filed.id(), "operator1"));
    }

    @Test
    void aConfirmedCancellationRemovesTheMatterAndAnAdditionAddsOne() {
        changes.confirm(file(MatterChangeKind.CANCEL, "A26-003", "", "2026-11-27").id(), "operator1");
        changes.confirm(file(MatterChangeKind.ADD, "A26-031", RENT_CHANGED.replace("A26-002", "A26-031"), "2026-11-27").id(), "operator1");
        assertTrue(catalog.matter("A26-003").isEmpty());
        assertTrue(catalog.matter("A26-031").isPresent());
        assertEquals(2, catalog.matters(new MatterQuery("A26", "", "")).size());
    }

    @Test
    void badRequestsAreRefusedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file(MatterChangeKind.ADD, "A26-002",
                RENT_CHANGED, "2026-12-01")).getMessage().contains("already offered"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file(MatterChangeKind.CHANGE, "A26-099",
                RENT_CHANGED.replace("A26-002", "A26-099"), "2026-12-01")).getMessage().contains("file an ADD"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file(MatterChangeKind.CANCEL, "A26-099", "",
                "2026-12-01")).getMessage().contains("cannot be cancelled"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file(MatterChangeKind.CHANGE, "A26-002",
                RENT_CHANGED, "2026-11-26")).getMessage().contains("today or later"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> file(MatterChangeKind.CHANGE, "A26-002",
                RENT_CHANGED.replace("\"committedDays\": 0", "\"committedDays\": 9"), "2026-12-01")).getMessage().contains("committed days"));
        assertTrue(changes.awaitingConfirmation().isEmpty(), "nothing was filed");
    }

    @Test
    void theConfirmationDeadlineCountsWorkingDaysAcrossHolidaysAndIsTracked() {
        clock.set("2026-09-28");
        MatterChange filed = file(MatterChangeKind.CHANGE, "A26-002", RENT_CHANGED, "2026-10-20");
        assertEquals(LocalDate.parse("2026-10-16"), filed.confirmBy(), "National Day skipped, Saturday 10 October counted");
        clock.set("2026-10-16");
        assertFalse(changes.awaitingConfirmation().get(0).overdueOn(LocalDate.parse("2026-10-16")));
        assertTrue(changes.awaitingConfirmation().get(0).overdueOn(LocalDate.parse("2026-10-17")));

        MatterChange rejected = changes.reject(filed.id(), "依据文件尚未正式印发", "operator1");
        assertEquals(MatterChangeStatus.REJECTED, rejected.status());
        assertTrue(changes.announcements().isEmpty(), "a rejection is not announced");
        assertThrows(IllegalArgumentException.class, () -> changes.reject(filed.id(), " ", "operator1"));
    }
}
