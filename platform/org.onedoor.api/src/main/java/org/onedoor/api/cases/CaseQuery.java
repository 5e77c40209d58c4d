package org.onedoor.api.cases;

import java.util.Optional;

/**
 * Which cases to list.
 *
 * @param departmentId only this department's, or empty for all
 * @param state        only in this state, or empty for any
 * @param limit        at most this many, 1 to 500, newest first
 */
public record CaseQuery(Optional<String> departmentId, Optional<CaseState> state, int limit) {

    public CaseQuery {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1 to 500");
        }
    }
}
