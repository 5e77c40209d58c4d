package org.onedoor.api.cases;

import org.onedoor.api.text.Bilingual;

/** Where a complaint came in (R20: open complaint channels). */
public enum ComplaintChannel implements Bilingual {
    /** The hall's complaint desk on the first floor, entered by its staff. */
    DESK("投诉台", "complaint desk"),
    /** A self-service kiosk of the hall. */
    KIOSK("自助终端", "kiosk"),
    /** The citizen page, e.g. from the QR code of a receipt. */
    CITIZEN_PAGE("网页", "citizen page"),
    /** A phone call to the hall, entered by its staff. */
    PHONE("电话", "phone"),
    /** Passed on by the 12345 government service hotline, entered by the hall's staff. */
    HOTLINE_12345("12345热线", "12345 hotline");

    private final String chinese;
    private final String english;

    ComplaintChannel(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** @return the channel's name in Chinese */
    @Override
    public String chinese() {
        return chinese;
    }

    /** @return the channel's name in English */
    @Override
    public String english() {
        return english;
    }

    /** @return whether the hall's staff enter complaints of this channel (not the citizen) */
    public boolean enteredByStaff() {
        return this == DESK || this == PHONE || this == HOTLINE_12345;
    }
}
