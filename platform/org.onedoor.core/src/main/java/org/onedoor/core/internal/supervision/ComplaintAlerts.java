package org.onedoor.core.internal.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.ComplaintKind;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.hall.HallClock;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The complaints' alerts (R20, R12, R5): {@link AlertKind#COMPLAINT_LATE} for each complaint not assigned or not replied to
 * by its due day; {@link AlertKind#IRREGULARITY_COMPLAINT} for each open complaint about fees, standards or a wrong result.
 * R5 by slow-handling complaints is the cases' conversion flag ({@link ConversionRule}), listed by their supervision.
 */
@Component(service = AlertSource.class)
public final class ComplaintAlerts implements AlertSource {

    private final HallDatabase database;
    private final HallClock clock;

    @Activate
    public ComplaintAlerts(@Reference HallDatabase database, @Reference HallClock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<SupervisionAlert> alerts(String departmentId) {
        List<SupervisionAlert> out = new ArrayList<>();
        LocalDate today = clock.today();
        database.withHandle(h -> {
            h.createQuery("SELECT complaint_no, kind, state, department_id, reply_due, escalated_at FROM complaint"
                    + " WHERE state IN ('RECEIVED', 'ASSIGNED') AND reply_due < :today AND (:department = '' OR department_id = :department)"
                    + " ORDER BY reply_due, complaint_no")
                    .bind("today", today).bind("department", departmentId)
                    .map((rs, ctx) -> {
                        LocalDate due = rs.getObject("reply_due", LocalDate.class);
                        Optional<Instant> escalated = Optional.ofNullable(rs.getTimestamp("escalated_at")).map(Timestamp::toInstant);
                        boolean received = "RECEIVED".equals(rs.getString("state"));
                        return new SupervisionAlert(AlertKind.COMPLAINT_LATE, rs.getString("department_id"), rs.getString("complaint_no"),
                                "投诉超期：" + ComplaintKind.valueOf(rs.getString("kind")).chinese() + "投诉" + (received ? "未按期分派" : "单位未按期答复")
                                        + "，应于 " + due + " 前；" + escalated.map(at -> "已上报大厅").orElse("待上报大厅"),
                                escalated.orElse(due.plusDays(1).atStartOfDay(clock.zone()).toInstant()));
                    }).forEach(out::add);
            h.createQuery("SELECT complaint_no, kind, state, department_id, case_no, received_at FROM complaint"
                    + " WHERE kind IN ('FEES', 'STANDARDS', 'WRONG_RESULT') AND state <> 'CLOSED'"
                    + " AND (:department = '' OR department_id = :department) ORDER BY received_at, complaint_no")
                    .bind("department", departmentId)
                    .map((rs, ctx) -> new SupervisionAlert(AlertKind.IRREGULARITY_COMPLAINT, rs.getString("department_id"),
                            rs.getString("complaint_no"), "投诉反映" + ComplaintKind.valueOf(rs.getString("kind")).chinese()
                                    + (rs.getString("case_no").isEmpty() ? "" : "，涉及办件 " + rs.getString("case_no")) + "，请核查纠正",
                            rs.getTimestamp("received_at").toInstant()))
                    .forEach(out::add);
            return null;
        });
        return out;
    }
}
