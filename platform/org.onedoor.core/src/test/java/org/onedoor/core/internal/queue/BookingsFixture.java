package org.onedoor.core.internal.queue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.onedoor.api.audit.AuditEvent;
import org.onedoor.api.audit.AuditRecord;
import org.onedoor.api.audit.AuditTrail;
import org.onedoor.api.audit.AuditVerification;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.core.internal.audit.AuditOutbox;
import org.onedoor.core.internal.notify.HallNotifications;
import org.onedoor.core.internal.time.MovableClock;
import org.onedoor.core.internal.zone.TestStore;
import org.onedoor.store.HallDatabase;

/** Bookings on a fresh H2 store, the real queue, appointment book and notification outbox, and a clock the test moves. */
final class BookingsFixture {

    /** Friday 2026-11-27, 10:00 in the hall. */
    static final Instant FRIDAY_TEN = Instant.parse("2026-11-27T02:00:00Z");

    final MovableClock clock = new MovableClock(FRIDAY_TEN);
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    final DataSource ds = TestStore.migrated();
    final HallDatabase database = new HallDatabase(ds);
    final QueueFixture hall = new QueueFixture(ds, 1, clock);
    final JdbcAppointmentBook book;
    final HallNotifications notifications = new HallNotifications(database, clock.hall(), HallNotifications.configOf(Map.of()));
    final HallBookings bookings;

    BookingsFixture(Map<String, ?> config) {
        book = new JdbcAppointmentBook(database, hall.zones.directory(), hall.queue, EVERY_DAY, appointments("09:00,09:30,14:00", 2, 14), clock);
        AuditOutbox outbox = new AuditOutbox(database, trail(), clock.hall());
        bookings = new HallBookings(database, outbox, clock.hall(), book, hall.queue, bookingConfig(config), null);
        bookings.notifications = notifications;
    }

    private AuditTrail trail() {
        return new AuditTrail() {
            @Override
            public AuditRecord record(AuditEvent event) {
                audit.add(event);
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
        };
    }

    static BookingConfig bookingConfig(Map<String, ?> values) {
        return (BookingConfig) java.lang.reflect.Proxy.newProxyInstance(BookingConfig.class.getClassLoader(),
                new Class<?>[] {BookingConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> BookingConfig.class;
                    case "toString" -> "BookingConfig" + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    static AppointmentConfig appointments(String slots, int perSlot, int daysAhead) {
        return new AppointmentConfig() {
            @Override public Class<? extends Annotation> annotationType() { return AppointmentConfig.class; }
            @Override public String slots() { return slots; }
            @Override public int perSlot() { return perSlot; }
            @Override public int daysAhead() { return daysAhead; }
            @Override public boolean workingDaysOnly() { return false; }
        };
    }

    /** Not consulted: the fixture's appointment book takes every day. */
    private static final WorkingDayCalendar EVERY_DAY = new WorkingDayCalendar() {
        @Override public boolean isWorkingDay(LocalDate date) { return true; }
        @Override public Deadline deadline(LocalDate from, int workingDays) { throw new UnsupportedOperationException(); }
        @Override public int workingDaysBetween(LocalDate from, LocalDate to) { throw new UnsupportedOperationException(); }
        @Override public List<KnownYear> years() { return List.of(); }
        @Override public Optional<KnownYear> year(int year) { return Optional.empty(); }
    };
}
