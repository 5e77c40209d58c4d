package org.onedoor.api.cases;

import java.util.Locale;
import java.util.Optional;
import org.onedoor.api.text.Bilingual;

/** Where a citizen gave a rating ("一次一评" at the window, "一事一评" afterwards), stored with it. */
public enum RatingChannel implements Bilingual {
    /** The rating pad (评价器) on the window's counter. */
    WINDOW_PAD("窗口评价器", "rating pad at the window"),
    /** The citizen-facing screen of the window used as a rating device. */
    WINDOW_SCREEN("窗口屏", "window screen"),
    /** A self-service kiosk in the hall. */
    KIOSK("自助终端", "self-service kiosk"),
    /** The citizen's case page, opened by the QR code on the receipt or by number and check code. */
    CITIZEN_PAGE("办件查询页（回执二维码）", "citizen case page (receipt QR code)"),
    /** The link in the notification (text message) sent when the case was finished. */
    NOTIFICATION_LINK("办结通知链接", "link in the notification");

    private final String zh;
    private final String en;

    RatingChannel(String zh, String en) {
        this.zh = zh;
        this.en = en;
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

    /** @return the channel of that name, any case; empty when none */
    public static Optional<RatingChannel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (RatingChannel c : values()) {
            if (c.name().equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
