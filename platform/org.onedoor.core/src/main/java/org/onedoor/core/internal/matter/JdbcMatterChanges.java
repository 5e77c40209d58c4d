package org.onedoor.core.internal.matter;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.department.DepartmentDirectory;
import org.onedoor.api.hall.Department;
import org.onedoor.api.matter.Matter;
import org.onedoor.api.matter.MatterCatalog;
import org.onedoor.api.matter.MatterChange;
import org.onedoor.api.matter.MatterChangeKind;
import org.onedoor.api.matter.MatterChangeRequest;
import org.onedoor.api.matter.MatterChangeStatus;
import org.onedoor.api.matter.MatterChanges;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic adjustment of matters kept in the store (table {@code matter_change}). Confirmed
 * adjustments whose day has come are laid over the catalog; a minute timer notices when an
 * effective date arrives and logs adjustments whose confirmation is overdue.
 */
@Component(service = MatterChanges.class)
public final class JdbcMatterChanges implements MatterChanges {

    /** The hall's time zone: dates (filing day, effective day) are the hall's calendar days. */
    static final ZoneId HALL_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMatterChanges.class);
    private static final String COLUMNS = "id, kind, code, matter_json, effective_date, reason, filed_at, filed_by, "
            + "confirm_by, status, decided_at, decided_by, decision_note";

    private final DataSource dataSource;
    private final MatterCatalog catalog;
    private final CatalogOverlay overlay;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private volatile List<Long> inForce = List.of();
    private volatile LocalDate overdueLoggedOn;

    @Activate
    public JdbcMatterChanges(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource,
            @Reference MatterCatalog catalog, @Reference CatalogOverlay overlay, @Reference DepartmentDirectory departments,
            @Reference WorkingDayCalendar calendar) {
        this(dataSource, catalog, overlay, departments, calendar, Clock.system(HALL_ZONE));
    }

    JdbcMatterChanges(DataSource dataSource, MatterCatalog catalog, CatalogOverlay overlay, DepartmentDirectory departments,
            WorkingDayCalendar calendar, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.overlay = overlay;
        this.departments = departments;
        this.calendar = calendar;
        refresh(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "onedoor-matter-changes"));
        timer.scheduleWithFixedDelay(() -> refresh(false), 60, 60, TimeUnit.SECONDS);
    }

    /** Lays the adjustments in force over the catalog now (the timer does it every minute). */
    void refreshNow() {
        refresh(false);
    }

    @Deactivate
    void close() {
        timer.shutdownNow();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public synchronized MatterChange file(MatterChangeRequest r) {
        if (r.kind() == null) {
            throw new IllegalArgumentException("say what the adjustment does: ADD, CHANGE or CANCEL");
        }
        if (r.effectiveDate() == null || r.effectiveDate().isBefore(today())) {
            throw new IllegalArgumentException("the effective date must be today or later");
        }
        if (r.reasonZh() == null || r.reasonZh().isBlank()) {
            throw new IllegalArgumentException("give the reason of the adjustment (e.g. the law or reform behind it)");
        }
        Optional<Matter> current = catalog.matter(r.code());
        Matter matter;
        if (r.kind() == MatterChangeKind.CANCEL) {
            matter = current.orElseThrow(() -> new IllegalArgumentException("no matter '" + r.code() + "' is offered, so it cannot be cancelled"));
        } else {
            matter = CatalogFileCodec.readEntry(r.matterJson() == null ? "" : r.matterJson(), "adjustment of " + r.code(),
                    unit -> departments.department(unit).map(Department::zoneId).orElse(null));
            if (!matter.code().equals(r.code())) {
                throw new IllegalArgumentException("the matter's code " + matter.code() + " differs from the adjusted code " + r.code());
            }
            if (r.kind() == MatterChangeKind.ADD && current.isPresent()) {
                throw new IllegalArgumentException("matter " + r.code() + " is already offered: file a CHANGE, or give the new matter a new code");
            }
            if (r.kind() == MatterChangeKind.CHANGE) {
                Matter before = current.orElseThrow(() -> new IllegalArgumentException(
                        "no matter '" + r.code() + "' is offered, so it cannot be changed: file an ADD"));
                if (!before.departmentId().equals(matter.departmentId())) {
                    throw new IllegalArgumentException("a change cannot move matter " + r.code() + " to another department");
                }
            }
        }
        LocalDate filedOn = today();
        LocalDate confirmBy;
        try {
            confirmBy = calendar.deadline(filedOn, CONFIRMATION_WORKING_DAYS).date();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the confirmation deadline cannot be counted: " + e.getMessage(), e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long id;
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO matter_change (code, kind, matter_json, effective_date, "
                        + "reason, filed_at, filed_by, confirm_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, r.code());
            ps.setString(2, r.kind().name());
            ps.setString(3, CatalogFileCodec.writeEntry(matter));
            ps.setDate(4, Date.valueOf(r.effectiveDate()));
            ps.setString(5, r.reasonZh().strip());
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, r.actor());
            ps.setDate(8, Date.valueOf(confirmBy));
            ps.setString(9, MatterChangeStatus.FILED.name());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot file the adjustment: " + e.getMessage(), e);
        }
        LOG.info("Matter adjustment #{} filed by {}: {} {}, effective {}, hall confirmation due by {}", id, r.actor(),
                r.kind(), r.code(), r.effectiveDate(), confirmBy);
        return find(id).orElseThrow();
    }

    @Override
    public MatterChange confirm(long id, String actor) {
        MatterChange decided = decide(id, MatterChangeStatus.CONFIRMED, "", actor);
        LOG.info("Matter adjustment #{} confirmed by {} and announced: {} {}, effective {}", id, actor, decided.kind(),
                decided.code(), decided.effectiveDate());
        refresh(true);
        return decided;
    }

    @Override
    public MatterChange reject(long id, String reasonZh, String actor) {
        if (reasonZh == null || reasonZh.isBlank()) {
            throw new IllegalArgumentException("give the reason for rejecting adjustment #" + id);
        }
        MatterChange decided = decide(id, MatterChangeStatus.REJECTED, reasonZh.strip(), actor);
        LOG.info("Matter adjustment #{} rejected by {}: {}", id, actor, reasonZh);
        return decided;
    }

    private synchronized MatterChange decide(long id, MatterChangeStatus status, String note, String actor) {
        MatterChange change = find(id).orElseThrow(() -> new IllegalArgumentException("no adjustment #" + id));
        if (change.status() != MatterChangeStatus.FILED) {
            throw new IllegalStateException("adjustment #" + id + " is already " + change.status());
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE matter_change SET status = ?, decided_at = ?, decided_by = ?, "
                        + "decision_note = ? WHERE id = ? AND status = ?")) {
            ps.setString(1, status.name());
            ps.setTimestamp(2, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            ps.setString(3, actor);
            ps.setString(4, note);
            ps.setLong(5, id);
            ps.setString(6, MatterChangeStatus.FILED.name());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("adjustment #" + id + " was decided meanwhile");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the decision on adjustment #" + id + ": " + e.getMessage(), e);
        }
        return find(id).orElseThrow();
    }

    @Override
    public List<MatterChange> awaitingConfirmation() {
        return query("WHERE status = 'FILED' ORDER BY id", null);
    }

    @Override
    public List<MatterChange> announcements() {
        return query("WHERE status = 'CONFIRMED' ORDER BY decided_at DESC, id DESC", null);
    }

    @Override
    public List<MatterChange> history(String code) {
        return query("WHERE code = ? ORDER BY id", code);
    }

    private Optional<MatterChange> find(long id) {
        return query("WHERE id = " + id, null).stream().findFirst();
    }

    private List<MatterChange> query(String where, String code) {
        List<MatterChange> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM matter_change " + where)) {
            if (code != null) {
                ps.setString(1, code);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the matter adjustments: " + e.getMessage(), e);
        }
        return result;
    }

    private MatterChange row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Matter matter = CatalogFileCodec.readEntry(rs.getString(4), "adjustment #" + id,
                unit -> departments.department(unit).map(Department::zoneId).orElse("")).withRevision("change-" + id);
        Timestamp decided = rs.getTimestamp(11);
        return new MatterChange(id, MatterChangeKind.valueOf(rs.getString(2)), rs.getString(3), matter,
                rs.getDate(5).toLocalDate(), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getDate(9).toLocalDate(), MatterChangeStatus.valueOf(rs.getString(10)),
                Optional.ofNullable(decided).map(Timestamp::toInstant), rs.getString(12) == null ? "" : rs.getString(12),
                rs.getString(13) == null ? "" : rs.getString(13));
    }

    /** Lays the adjustments in force over the catalog when they differ from the last ones laid. */
    private void refresh(boolean force) {
        try {
            LocalDate today = today();
            Map<String, Matter> replacing = new LinkedHashMap<>();
            Set<String> cancelled = new TreeSet<>();
            List<Long> ids = new ArrayList<>();
            for (MatterChange change : query("WHERE status = 'CONFIRMED' ORDER BY id", null)) {
                if (!change.inForceOn(today)) {
                    continue;
                }
                ids.add(change.id());
                if (change.kind() == MatterChangeKind.CANCEL) {
                    replacing.remove(change.code());
                    cancelled.add(change.code());
                } else {
                    cancelled.remove(change.code());
                    replacing.put(change.code(), change.matter());
                }
            }
            if (force || !ids.equals(inForce)) {
                inForce = List.copyOf(ids);
                overlay.overlay(replacing.values(), cancelled);
            }
            if (!today.equals(overdueLoggedOn)) {
                overdueLoggedOn = today;
                for (MatterChange pending : awaitingConfirmation()) {
                    if (pending.overdueOn(today)) {
                        LOG.warn("Matter adjustment #{} ({} {}) awaits the hall's confirmation past its deadline {}",
                                pending.id(), pending.kind(), pending.code(), pending.confirmBy());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not lay the matter adjustments over the catalog: {}", e.getMessage());
        }
    }
}
