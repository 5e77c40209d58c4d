package org.onedoor.api.cases;

import java.time.Instant;

/**
 * Something that happened to a case, for workstations and supervision screens. A hint: on doubt,
 * fetch the case. Carries no citizen data.
 *
 * @param type         what happened: ACCEPTED, MATERIALS_SUPPLIED, STEP_DONE, APPROVED, REJECTED,
 *                     RESULT_READY, DELIVERED, CLOSED, BUNDLE_ACCEPTED, BUNDLE_DELIVERED, OFFICER_CALLED,
 *                     OFFICER_ARRIVED, OFFICER_LATE, RATED
 * @param caseNumber   the case, empty for bundle-only events
 * @param bundleNumber the bundle, empty if none
 * @param departmentId the department concerned, empty for a bundle
 * @param state        the case's state after it, empty if none
 * @param window       the window concerned, 0 if none
 * @param at           when
 */
public record CaseEvent(String type, String caseNumber, String bundleNumber, String departmentId, String state, int window,
        Instant at) {
}
