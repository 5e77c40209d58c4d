package org.onedoor.core.internal.cases;

import java.time.LocalDate;
import java.util.Optional;
import org.onedoor.api.calendar.WorkingDayCalendar;
import org.onedoor.api.cases.TimeLight;

/**
 * The time light of a case (R10, R12). Undecided: red once the deadline day has passed; yellow when
 * the working days used since acceptance reach the yellow share of the committed days (the deadline
 * day itself always counts as yellow); green otherwise. An immediate matter (0 committed days) is
 * green on its acceptance day and red after it. Decided: red when decided after the deadline, else green.
 * Also the light of other deadlines in working days (a bad rating's follow-up, R18).
 */
public final class TimeLimits {

    private TimeLimits() {
    }

    public static int used(WorkingDayCalendar calendar, LocalDate acceptedDay, LocalDate day) {
        return day.isAfter(acceptedDay) ? calendar.workingDaysBetween(acceptedDay, day) : 0;
    }

    public static TimeLight light(WorkingDayCalendar calendar, double yellowShare, LocalDate acceptedDay, int committedDays,
            LocalDate deadline, LocalDate today, Optional<LocalDate> decidedDay) {
        if (decidedDay.isPresent()) {
            return decidedDay.get().isAfter(deadline) ? TimeLight.RED : TimeLight.GREEN;
        }
        if (today.isAfter(deadline)) {
            return TimeLight.RED;
        }
        if (committedDays == 0) {
            return TimeLight.GREEN;
        }
        int used = used(calendar, acceptedDay, today);
        return used >= yellowShare * committedDays || today.equals(deadline) ? TimeLight.YELLOW : TimeLight.GREEN;
    }

    /** The same on working days already counted: {@code usedDays} used (paused days not counted) and the deadline they lead to. */
    public static TimeLight light(double yellowShare, int committedDays, int usedDays, LocalDate deadline, LocalDate today,
            Optional<LocalDate> decidedDay) {
        if (decidedDay.isPresent()) {
            return decidedDay.get().isAfter(deadline) ? TimeLight.RED : TimeLight.GREEN;
        }
        if (today.isAfter(deadline)) {
            return TimeLight.RED;
        }
        if (committedDays == 0) {
            return TimeLight.GREEN;
        }
        return usedDays >= yellowShare * committedDays || today.equals(deadline) ? TimeLight.YELLOW : TimeLight.GREEN;
    }
}
