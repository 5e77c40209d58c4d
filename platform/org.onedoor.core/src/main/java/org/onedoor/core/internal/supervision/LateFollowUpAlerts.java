package org.onedoor.core.internal.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onedoor.api.cases.AlertKind;
import org.onedoor.api.cases.SupervisionAlert;
import org.onedoor.api.hall.HallClock;
import org.onedoor.store.HallDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AlertKind#FOLLOW_UP_LATE}: every follow-up of a bad rating (R18) not yet replied to whose due day has passed, from
 * the first day after it (whether or not the five-minute watch has marked it escalated yet), with the unit that owes it.
 */
@Component(service = AlertSource.class)
public final class LateFollowUpAlerts implements AlertSource {

    private final HallDatabase database;
    private final HallClock clock;

    @Activate
    public LateFollowUpAlerts(@Reference HallDatabase database, @Reference HallClock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<SupervisionAlert> alerts(String departmentId) {
        LocalDate today = clock.today();
        return database.withHandle(h -> h.createQuery("SELECT id, case_no, party, department_id, score, state, due, escalated_at"
                + " FROM rating_follow_up WHERE state IN ('OPEN', 'CALLED_BACK', 'DISPUTED') AND due < :today"
                + " AND (:department = '' OR department_id = :department) ORDER BY due, id")
                .bind("today", today).bind("department", departmentId)
                .map((rs, ctx) -> {
                    LocalDate due = rs.getObject("due", LocalDate.class);
                    Optional<Instant> escalated = Optional.ofNullable(rs.getTimestamp("escalated_at")).map(Timestamp::toInstant);
                    String state = switch (rs.getString("state")) {
                        case "OPEN" -> "尚未核实回访";
                        case "CALLED_BACK" -> "已回访、尚未整改答复";
                        default -> "申诉待大厅裁定";
                    };
                    String detail = "差评回访超期：第 " + rs.getLong("id") + " 号回访（" + ("CLERK".equals(rs.getString("party")) ? "窗口人员" : "审批人员")
                            + "，" + rs.getInt("score") + " 分）应于 " + due + " 前回访整改答复，" + state + "；"
                            + escalated.map(at -> "已上报大厅").orElse("待上报大厅");
                    return new SupervisionAlert(AlertKind.FOLLOW_UP_LATE, rs.getString("department_id"), rs.getString("case_no"), detail,
                            escalated.orElse(due.plusDays(1).atStartOfDay(clock.zone()).toInstant()));
                }).list());
    }
}
