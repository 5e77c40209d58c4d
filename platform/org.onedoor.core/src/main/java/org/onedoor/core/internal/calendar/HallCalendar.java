package org.onedoor.core.internal.calendar;

import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.onedoor.store.HallDatabase;
import org.onedoor.api.calendar.CalendarAdmin;
import org.onedoor.api.calendar.CalendarYear;
import org.onedoor.api.calendar.Deadline;
import org.onedoor.api.calendar.InvalidCalendarFileException;
import org.onedoor.api.calendar.KnownYear;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.calendar.YearOrigin;
import org.onedoor.core.internal.calendar.CalendarYearStore.StoredYear;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's working-day calendar: the years shipped in the bundle, overridden by the years loaded
 * at run time (kept in the store). Reads answer from an immutable snapshot that a load replaces
 * atomically; loads are serialized and stored before they become visible.
 */
@Component(service = {WorkingDayCalendar.class, CalendarAdmin.class})
public final class HallCalendar implements WorkingDayCalendar, CalendarAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(HallCalendar.class);

    private final CalendarYearStore store;
    private final AtomicReference<CalendarSnapshot> snapshot;

    @Activate
    public HallCalendar(BundleContext context, @Reference HallDatabase database) {
        this(BundledYears.in(context.getBundle()), database);
    }

    HallCalendar(List<URL> bundledFiles, DataSource dataSource) {
        this(bundledFiles, new HallDatabase(dataSource));
    }

    HallCalendar(List<URL> bundledFiles, HallDatabase database) {
        this.store = new CalendarYearStore(database);
        List<KnownYear> years = new ArrayList<>(BundledYears.read(bundledFiles));
        for (StoredYear stored : store.loadAll()) {
            try {
                CalendarYear calendar = CalendarFileReader.read(stored.content(), "stored calendar year " + stored.year());
                years.add(new KnownYear(calendar, YearOrigin.LOADED, stored.loadedBy(), Optional.of(stored.loadedAt())));
            } catch (InvalidCalendarFileException e) {
                LOG.error("Calendar year {} in the store is left out (load a corrected file): {}", stored.year(), e.getMessage());
            }
        }
        this.snapshot = new AtomicReference<>(CalendarSnapshot.of(years));
        LOG.info("Working-day calendar: years {}", describe(snapshot.get().years()));
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return snapshot.get().isWorkingDay(date);
    }

    @Override
    public Deadline deadline(LocalDate from, int workingDays) {
        return snapshot.get().deadline(from, workingDays);
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return snapshot.get().workingDaysBetween(from, to);
    }

    @Override
    public List<KnownYear> years() {
        return snapshot.get().years();
    }

    @Override
    public Optional<KnownYear> year(int year) {
        return snapshot.get().year(year);
    }

    @Override
    public KnownYear load(String content, String source, String actor) {
        return load(CalendarFileReader.read(content, source), content, actor);
    }

    @Override
    public KnownYear load(int year, String content, String source, String actor) {
        CalendarYear calendar = CalendarFileReader.read(content, source);
        if (calendar.year() != year) {
            throw new InvalidCalendarFileException(source, List.of("the file declares the year " + calendar.year()
                    + " but is loaded as the year " + year + "; load it as " + calendar.year() + " or correct \"year\""));
        }
        return load(calendar, content, actor);
    }

    private synchronized KnownYear load(CalendarYear calendar, String content, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.save(new StoredYear(calendar.year(), content, actor, now));
        KnownYear known = new KnownYear(calendar, YearOrigin.LOADED, actor, Optional.of(now));
        Optional<KnownYear> replaced = snapshot.get().year(calendar.year());
        snapshot.set(snapshot.get().with(known));
        LOG.info("Calendar year {} loaded by {} ({} holiday days, {} make-up working days){}", calendar.year(), actor,
                calendar.holidays().size(), calendar.makeUpWorkdays().size(),
                replaced.map(r -> "; it replaces the " + r.origin().name().toLowerCase() + " year").orElse(""));
        return known;
    }

    private static String describe(List<KnownYear> years) {
        return years.stream().map(y -> y.year() + " (" + y.origin().name().toLowerCase() + ")").toList().toString();
    }
}
