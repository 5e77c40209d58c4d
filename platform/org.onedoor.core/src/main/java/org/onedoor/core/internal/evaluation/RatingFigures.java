package org.onedoor.core.internal.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.onedoor.api.cases.FollowUpFigures;
import org.onedoor.api.cases.RatingFollowUp;

/**
 * Counts the figures of R18 from the cases finished in a period: per unit (both scores of a
 * case), per window (the clerk's score) and per person (the scores given to them). A bad score
 * without a follow-up yet counts as open; an excluded one (dispute upheld) is no rating at all.
 */
final class RatingFigures {

    private RatingFigures() {
    }

    /** The running counts of one key. */
    private static final class Count {
        int finished;
        int rated;
        int scores;
        int excluded;
        int bad;
        int onTime;
        int late;
        int open;
    }

    static List<FollowUpFigures> of(List<FollowUpStore.Finished> cases, ZoneId zone, LocalDate today) {
        Map<String, Count> units = new TreeMap<>();
        Map<String, Count> windows = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        Map<String, Count> persons = new TreeMap<>();
        for (FollowUpStore.Finished c : cases) {
            boolean rated = c.clerkScore() > 0 || c.approverScore() > 0;
            Count unit = units.computeIfAbsent(c.departmentId(), k -> new Count());
            unit.finished++;
            Count window = c.window() > 0 ? windows.computeIfAbsent(String.valueOf(c.window()), k -> new Count()) : null;
            if (window != null) {
                window.finished++;
            }
            Set<String> people = new LinkedHashSet<>();
            if (!c.clerk().isEmpty()) {
                people.add(c.clerk());
            }
            if (!c.approver().isEmpty()) {
                people.add(c.approver());
            }
            for (String p : people) {
                Count person = persons.computeIfAbsent(p, k -> new Count());
                person.finished++;
                if (p.equals(c.clerk()) && c.clerkScore() > 0 || p.equals(c.approver()) && c.approverScore() > 0) {
                    person.rated++;
                }
            }
            if (!rated) {
                continue;
            }
            unit.rated++;
            score(unit, c, "CLERK", c.clerkScore(), zone, today);
            score(unit, c, "APPROVER", c.approverScore(), zone, today);
            if (window != null && c.clerkScore() > 0) {
                window.rated++;
                score(window, c, "CLERK", c.clerkScore(), zone, today);
            }
            if (!c.clerk().isEmpty()) {
                score(persons.get(c.clerk()), c, "CLERK", c.clerkScore(), zone, today);
            }
            if (!c.approver().isEmpty()) {
                score(persons.get(c.approver()), c, "APPROVER", c.approverScore(), zone, today);
            }
        }
        List<FollowUpFigures> out = new ArrayList<>();
        add(out, "unit", units);
        add(out, "window", windows);
        add(out, "person", persons);
        return out;
    }

    private static void score(Count n, FollowUpStore.Finished c, String party, int score, ZoneId zone, LocalDate today) {
        if (score == 0) {
            return;
        }
        n.scores++;
        if (score > HallRatingFollowUps.BAD) {
            return;
        }
        RatingFollowUp f = c.followUps().stream().filter(x -> x.party().equals(party)).findFirst().orElse(null);
        if (f != null && f.excluded()) {
            n.excluded++;
            return;
        }
        n.bad++;
        if (f == null) {
            n.open++;
        } else if (f.repliedAt().isPresent()) {
            if (f.onTime(zone)) {
                n.onTime++;
            } else {
                n.late++;
            }
        } else if (today.isAfter(f.due())) {
            n.late++;
        } else {
            n.open++;
        }
    }

    private static void add(List<FollowUpFigures> out, String dimension, Map<String, Count> counts) {
        counts.forEach((key, n) -> out.add(new FollowUpFigures(dimension, key, n.finished, n.rated, n.scores, n.excluded, n.bad,
                n.onTime, n.late, n.open)));
    }
}
