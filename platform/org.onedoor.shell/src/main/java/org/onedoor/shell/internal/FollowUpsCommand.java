package org.onedoor.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.onedoor.api.cases.FollowUpFigures;
import org.onedoor.api.cases.FollowUpState;
import org.onedoor.api.cases.RatingFollowUp;
import org.onedoor.api.cases.RatingFollowUps;
import org.onedoor.api.hall.HallClock;

/**
 * {@code onedoor:followups [-s state] [-d unit] [-n limit]}: the follow-ups of bad ratings, newest
 * first (R18); {@code onedoor:followups --figures [--from day] [--to day]}: the figures per unit,
 * window and person. Read-only.
 */
@Command(scope = "onedoor", name = "followups",
        description = "Lists the follow-ups of bad ratings (state, unit, due day, light, escalation), or with --figures the R18 figures (read-only)")
@Service
public class FollowUpsCommand implements Action {

    @Reference
    RatingFollowUps followUps;

    @Reference
    HallClock clock;

    @Option(name = "-s", aliases = "--state", description = "Only this state: OPEN, CALLED_BACK, DISPUTED, REPLIED or CLOSED")
    String state;

    @Option(name = "-d", aliases = "--department", description = "Only this unit's follow-ups, e.g. A17")
    String department;

    @Option(name = "-n", aliases = "--limit", description = "At most this many (1 to 500, default 50)")
    int limit = 50;

    @Option(name = "-f", aliases = "--figures", description = "Show the figures per unit, window and person instead of the list")
    boolean figures;

    @Option(name = "--from", description = "First hall day of the figures, e.g. 2026-11-01 (default: the first of this month)")
    String from;

    @Option(name = "--to", description = "Last hall day of the figures, inclusive (default: today)")
    String to;

    @Override
    public Object execute() {
        return figures ? figures() : list();
    }

    private Object list() {
        Optional<FollowUpState> only;
        try {
            only = state == null ? Optional.empty() : Optional.of(FollowUpState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            System.err.println("Unknown state '" + state + "': use OPEN, CALLED_BACK, DISPUTED, REPLIED or CLOSED");
            return null;
        }
        if (limit < 1 || limit > 500) {
            System.err.println("The limit is 1 to 500, e.g. -n 100");
            return null;
        }
        List<RatingFollowUp> list = followUps.list(only, department == null ? "" : department.strip().toUpperCase(Locale.ROOT), limit);
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "Case", "Party", "Rated", "Score", "Unit", "State", "Due", "Light", "Escalated"}) {
            table.column(column);
        }
        for (RatingFollowUp f : list) {
            table.addRow().addContent(f.id(), f.caseNumber(), f.party(), f.subject(), f.score(), f.departmentId(),
                    f.state() + (f.excluded() ? " (excluded)" : ""), f.due(), f.light(), f.escalatedAt().isPresent() ? "yes" : "");
        }
        table.print(System.out);
        System.out.println(list.size() + " follow-up(s)");
        return null;
    }

    private Object figures() {
        LocalDate today = clock.today();
        LocalDate first;
        LocalDate last;
        try {
            first = from == null ? today.withDayOfMonth(1) : LocalDate.parse(from.strip());
            last = to == null ? today : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            System.err.println("Days are written 2026-11-27");
            return null;
        }
        if (last.isBefore(first) || first.plusYears(1).isBefore(last)) {
            System.err.println("--to is not before --from, and at most a year after it");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String column : new String[] {"By", "Key", "Finished", "Rated", "Rating rate", "Effective", "Excluded", "Bad", "Bad share",
            "On time", "Late", "Open", "On-time rate"}) {
            table.column(column);
        }
        for (FollowUpFigures f : followUps.figures(first, last)) {
            table.addRow().addContent(f.dimension(), f.key(), f.finished(), f.rated(), percent(f.ratingRate()), f.effective(),
                    f.excluded(), f.bad(), percent(f.badShare()), f.repliedOnTime(), f.late(), f.open(), percent(f.onTimeRate()));
        }
        System.out.println("Cases finished " + first + " to " + last);
        table.print(System.out);
        return null;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
