package org.onedoor.core.internal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.onedoor.api.cases.CasePause;
import org.onedoor.api.matter.SpecialStep;

/**
 * The table {@code case_pause}: the special procedures that paused a case's time limit (R6), one row per
 * procedure begun, its end empty while it runs; on a handle of the caller's transaction.
 */
final class CasePauses {

    private CasePauses() {
    }

    /** @return the pauses of the cases, by case number, each case's oldest first; one query for all */
    static Map<String, List<CasePause>> of(Handle h, List<String> numbers) {
        Map<String, List<CasePause>> out = new HashMap<>();
        if (numbers.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT case_no, step, started_at, started_by, ended_at FROM case_pause WHERE case_no IN (<numbers>) ORDER BY case_no, id")
                .bindList("numbers", numbers)
                .map((rs, ctx) -> Map.entry(rs.getString("case_no"), new CasePause(SpecialStep.valueOf(rs.getString("step")),
                        rs.getTimestamp("started_at").toInstant(), Optional.ofNullable(rs.getTimestamp("ended_at")).map(Timestamp::toInstant),
                        rs.getString("started_by"))))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Begins a pause of the case's clock for the step. */
    static void start(Handle h, String number, SpecialStep step, Instant at, String by) {
        h.createUpdate("INSERT INTO case_pause (case_no, step, started_at, started_by) VALUES (:case, :step, :at, :by)")
                .bind("case", number).bind("step", step.name()).bind("at", Timestamp.from(at)).bind("by", CaseRows.cut(by, 128)).execute();
    }

    /** Ends the case's running pause, if one runs. @return whether one was ended */
    static boolean end(Handle h, String number, Instant at, String by) {
        return h.createUpdate("UPDATE case_pause SET ended_at = :at, ended_by = :by WHERE case_no = :case AND ended_at IS NULL")
                .bind("case", number).bind("at", Timestamp.from(at)).bind("by", CaseRows.cut(by, 128)).execute() > 0;
    }
}
