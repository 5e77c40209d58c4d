package org.onedoor.core.internal.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.CasePause;
import org.onedoor.api.cases.CaseTiming;
import org.onedoor.api.cases.HallCase;
import org.onedoor.api.cases.TimeLight;

/**
 * The legal clock of a case (R6, R10): working days on the hall's calendar from the acceptance day, less the
 * working days special procedures paused it. A pause from day S to day E stands for the working days after S
 * up to and including E (the day a procedure begins still counts for the case; one begun and ended the same
 * day pauses nothing); a running pause counts up to today. The deadline moves on by the paused days; the
 * time light is computed on the used days and the moved deadline.
 */
final class CaseClock {

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    CaseClock(WorkingDayCalendar calendar, ZoneId zone) {
        this.calendar = calendar;
        this.zone = zone;
    }

    /** @return the hall's time zone the days are counted in */
    ZoneId zone() {
        return zone;
    }

    /** @return the working days the case's procedures paused its clock up to {@code upTo} */
    int pausedDays(HallCase h, LocalDate upTo) {
        int days = 0;
        for (CasePause p : h.pauses()) {
            LocalDate from = LocalDate.ofInstant(p.startedAt(), zone);
            LocalDate to = p.endedAt().map(e -> LocalDate.ofInstant(e, zone)).orElse(upTo);
            if (to.isAfter(upTo)) {
                to = upTo;
            }
            if (to.isAfter(from)) {
                days += calendar.workingDaysBetween(from, to);
            }
        }
        return days;
    }

    /** @return the deadline moved on by {@code pausedDays} working days (the stored one when nothing was paused) */
    LocalDate deadline(HallCase h, int pausedDays) {
        return pausedDays == 0 ? h.deadline() : calendar.deadline(acceptedDay(h), h.committedDays() + pausedDays).date();
    }

    /** @return the case against its time limit on {@code today}: used and paused days, the moved deadline, the light */
    CaseTiming timing(HallCase h, LocalDate today, double yellowShare) {
        LocalDate acceptedDay = acceptedDay(h);
        Optional<LocalDate> decided = h.decidedAt().map(d -> LocalDate.ofInstant(d, zone));
        LocalDate upTo = decided.orElse(today);
        int paused = pausedDays(h, upTo);
        LocalDate deadline = deadline(h, paused);
        int used = Math.max(0, TimeLimits.used(calendar, acceptedDay, upTo) - paused);
        TimeLight light = TimeLimits.light(yellowShare, h.committedDays(), used, deadline, today, decided);
        boolean running = h.runningPause().isPresent() && h.state().undecided();
        return new CaseTiming(h.number(), h.departmentId(), h.committedDays(), deadline, used, light, paused, running);
    }

    private LocalDate acceptedDay(HallCase h) {
        return LocalDate.ofInstant(h.acceptedAt(), zone);
    }
}
