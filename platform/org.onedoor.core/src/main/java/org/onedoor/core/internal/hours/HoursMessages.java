package org.onedoor.core.internal.hours;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.onedoor.api.hall.HoursStatus;

/** What a citizen at the kiosk is told when the hall is closed, Chinese first and English beside it. */
public final class HoursMessages {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private HoursMessages() {
    }

    /** @return the refusal of a ticket while the zone is closed, with the next opening when known */
    public static String closed(HoursStatus s) {
        return s.nextOpening()
                .map(t -> "大厅当前不在办公时间,暂停取号;下次开放时间 " + ZH.format(t) + "(预约号可按预约时间签到)"
                        + " / The hall is outside its office hours and issues no tickets now; it opens again " + EN.format(t)
                        + " (booked appointments check in at their slot)")
                .orElse("大厅当前不在办公时间,暂停取号 / The hall is outside its office hours and issues no tickets now");
    }
}
