package org.onedoor.core.internal.supervision;

import java.util.List;
import org.onedoor.api.cases.SupervisionAlert;

/**
 * A source of supervision alerts beyond the cases' own time lights (R12): late follow-ups of bad ratings,
 * late complaints and complaints about irregularities, R5 by complaints, inconsistent standards. The cases'
 * supervision ({@code CaseSupervision.alerts}) lists the alerts of every source as they hold now, so the
 * supervisor sees them as they happen, not only in a period's report. Blocking (reads the hall database).
 */
public interface AlertSource {

    /**
     * @param departmentId only this unit's alerts, or empty for every unit
     * @return the alerts that hold now
     */
    List<SupervisionAlert> alerts(String departmentId);
}
