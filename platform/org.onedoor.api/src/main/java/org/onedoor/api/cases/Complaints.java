package org.onedoor.api.cases;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's complaints, taken in at every channel and tracked to closure (R20): the hall
 * assigns a complaint to the unit complained about, the unit replies by a due day counted in
 * working days, the hall asks the complainant whether the reply is accepted, and closes it.
 * A late reply is escalated to the hall. Every step is recorded in the audit trail in the
 * step's own transaction. Offered by the core; blocking.
 */
@ProviderType
public interface Complaints {

    /**
     * Takes a complaint in.
     *
     * @param staff the staff member entering it (required for staff channels), empty when the citizen files it
     * @param origin where from, e.g. the client's address or {@code console}
     * @throws CaseException INVALID for a bad field (the message names it), FORBIDDEN for a staff channel without staff
     */
    Complaint file(ComplaintRequest request, Optional<CaseActor> staff, String origin);

    /** The hall passes the complaint to a unit; the reply is due in the configured working days. */
    Complaint assign(String number, String departmentId, CaseActor actor);

    /** The unit replies (again, after a reply that was not accepted). */
    Complaint reply(String number, String reply, CaseActor actor);

    /**
     * The hall records the complainant's answer to the reply: accepted closes the complaint; not
     * accepted sends it back to the unit for another reply, due anew.
     */
    Complaint respond(String number, boolean accepted, String note, CaseActor actor);

    /** The hall closes a replied complaint without the complainant's acceptance, with its reason. */
    Complaint close(String number, String reason, CaseActor actor);

    /** @return the complaint, if there is one with that number */
    Optional<Complaint> find(String number);

    /**
     * @param state        only complaints in this state, or empty for all
     * @param departmentId only complaints against this unit, or empty for all
     * @param limit        at most this many, 1 to 500
     * @return the newest first
     */
    List<Complaint> list(Optional<ComplaintState> state, String departmentId, int limit);

    /** @return the complaints of kind {@link ComplaintKind#SLOW} against the unit received in the month (R5) */
    int slownessComplaints(String departmentId, YearMonth month);
}
