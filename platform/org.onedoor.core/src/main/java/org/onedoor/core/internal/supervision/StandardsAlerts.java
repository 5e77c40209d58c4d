package org.onedoor.core.internal.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.hall.HallClock;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AlertKind#INCONSISTENT_STANDARD} (R8, R12): a matter whose cases accepted in the last {@value #DAYS} days ran under
 * different committed time limits, i.e. the same matter handled by different standards; the same rule the period reports
 * apply to their own period ({@code STANDARDS} warning). Grouped in SQL by matter, unit and limit over the window's bounds.
 */
@Component(service = AlertSource.class)
public final class StandardsAlerts implements AlertSource {

    /** How far back the cases are compared. */
    static final int DAYS = 31;

    private final HallDatabase database;
    private final HallClock clock;

    @Activate
    public StandardsAlerts(@Reference HallDatabase database, @Reference HallClock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The cases of one matter under one committed limit. */
    private record Limit(String matter, String departmentId, int days, int cases, Instant last) {
    }

    @Override
    public List<SupervisionAlert> alerts(String departmentId) {
        Instant since = clock.now().minus(Duration.ofDays(DAYS));
        List<Limit> limits = database.withHandle(h -> h.createQuery("SELECT matter_code, department_id, committed_days, COUNT(*) AS n,"
                + " MAX(accepted_at) AS last_at FROM hall_case WHERE accepted_at >= :since"
                + " AND (:department = '' OR department_id = :department)"
                + " GROUP BY matter_code, department_id, committed_days ORDER BY matter_code, department_id, committed_days")
                .bind("since", Timestamp.from(since)).bind("department", departmentId)
                .map((rs, ctx) -> new Limit(rs.getString("matter_code"), rs.getString("department_id"), rs.getInt("committed_days"),
                        rs.getInt("n"), rs.getTimestamp("last_at").toInstant()))
                .list());
        Map<String, List<Limit>> byMatter = new LinkedHashMap<>();
        for (Limit l : limits) {
            byMatter.computeIfAbsent(l.matter() + "|" + l.departmentId(), k -> new ArrayList<>()).add(l);
        }
        List<SupervisionAlert> out = new ArrayList<>();
        for (List<Limit> same : byMatter.values()) {
            if (same.size() < 2) {
                continue;
            }
            StringBuilder detail = new StringBuilder("同一事项 " + same.get(0).matter() + " 近 " + DAYS + " 日按不同承诺时限办理：");
            Instant last = same.get(0).last();
            for (int i = 0; i < same.size(); i++) {
                Limit l = same.get(i);
                detail.append(i == 0 ? "" : "，").append(l.days()).append(" 个工作日 ").append(l.cases()).append(" 件");
                last = l.last().isAfter(last) ? l.last() : last;
            }
            out.add(new SupervisionAlert(AlertKind.INCONSISTENT_STANDARD, same.get(0).departmentId(), same.get(0).matter(),
                    detail.append("（标准不一，请核查）").toString(), last));
        }
        return out;
    }
}
