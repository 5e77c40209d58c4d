package org.onedoor.api.cases;

import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.text.Bilingual;

/**
 * Who of a case is rated (R18): the front window that accepted it and the back office that
 * approved it are rated separately, one rating each per case.
 */
public enum RatingParty implements Bilingual {
    /** The window clerk who accepted the case (前台受理). */
    FRONT("CLERK", "窗口受理人员", "front-window clerk"),
    /** The back-office approver who decided it (后台审批). */
    BACK("APPROVER", "后台审批人员", "back-office approver");

    private final String followUpParty;
    private final String zh;
    private final String en;

    RatingParty(String followUpParty, String zh, String en) {
        this.followUpParty = followUpParty;
        this.zh = zh;
        this.en = en;
    }

    /** @return the party as a {@link RatingFollowUp} names it: {@code CLERK} or {@code APPROVER} */
    public String followUpParty() {
        return followUpParty;
    }

    @Override
    public String chinese() {
        return zh;
    }

    /** @deprecated since the label shape {@link Bilingual}: use {@link #chinese()} */
    @Deprecated
    public String zh() {
        return zh;
    }

    @Override
    public String english() {
        return en;
    }

    /** @deprecated since the label shape {@link Bilingual}: use {@link #english()} */
    @Deprecated
    public String en() {
        return en;
    }

    /** @return the party named {@code FRONT}/{@code BACK} or, as follow-ups name them, {@code CLERK}/{@code APPROVER}; any case */
    public static Optional<RatingParty> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (RatingParty p : values()) {
            if (p.name().equals(t) || p.followUpParty.equals(t)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
