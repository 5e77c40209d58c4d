package org.onedoor.api.cases;

import java.time.Instant;
import java.util.Optional;
import org.onedoor.api.matter.SpecialStep;

/**
 * A special procedure of a case (hearing, site survey, expert review, technical review, mapping; R6) while
 * it ran: the law excludes its time from the time limit, so the case's clock stands still from its start to
 * its end (since 1.7).
 *
 * @param step      the procedure
 * @param startedAt when it began
 * @param endedAt   when it ended, empty while it runs
 * @param startedBy who began it
 */
public record CasePause(SpecialStep step, Instant startedAt, Optional<Instant> endedAt, String startedBy) {

    public CasePause {
        endedAt = endedAt == null ? Optional.empty() : endedAt;
        startedBy = startedBy == null ? "" : startedBy;
    }

    /** @return true while the procedure runs */
    public boolean running() {
        return endedAt.isEmpty();
    }
}
