package org.onedoor.api.cases;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Electronic supervision of cases (R4, R5, R10, R12): time lights, alerts per department, the
 * officers of matters-only units; offered by the core. Blocking; answers for the core's clock.
 */
@ProviderType
public interface CaseSupervision {

    /** @return the case's standing against its time limit today */
    Optional<CaseTiming> timing(String number);

    /**
     * The same for a case already read, without reading it again.
     *
     * @throws org.onedoor.api.calendar.CalendarYearMissingException if the calendar lacks a year the count passes
     */
    CaseTiming timing(HallCase hallCase);

    /**
     * @param departmentId only this department's alerts, or empty for every department
     * @return yellow and red cases, late officers and conversion flags of the current month
     */
    List<SupervisionAlert> alerts(String departmentId);

    /** Names the officer a matters-only unit sends when the hall calls it; the unit's open calls name it from then on. */
    void nameOfficer(String departmentId, String officer, CaseActor actor);

    /** @return the unit's named officer, if any */
    Optional<String> officer(String departmentId);

    /** @return the officer calls of a department (all when empty), newest first, at most 200 */
    List<OfficerCall> officerCalls(String departmentId);

    /**
     * The unit's officer checks in at the hall in person (R4): the department's open calls that name the
     * actor are answered; FORBIDDEN {@code not-named-officer} when calls are open and none names the actor
     * (another user of the unit, or the unit named no officer). Naming an officer names it on the open calls.
     *
     * @return the calls answered now; empty when none was open
     */
    List<OfficerCall> checkIn(String departmentId, CaseActor actor);

    /** @return the matters-only units with at least the threshold of cases in the month */
    List<ConversionFlag> conversionFlags(YearMonth month);
}
