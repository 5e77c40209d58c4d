package org.onedoor.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The notices a case can print; {@link #slug()} names it in a URL ({@code acceptance.pdf}). */
public enum NoticeKind {
    /** 受理通知书: the application is accepted, with the committed time limit. */
    ACCEPTANCE("acceptance", "受理通知书"),
    /** 补正告知书: accepted with tolerance; the missing tolerable materials and the supply-by date. */
    CORRECTION("correction", "补正告知书"),
    /** 不予受理通知书: the application is refused at the window, with the reason. */
    REFUSAL("refusal", "不予受理通知书"),
    /** 办理结果通知书: the decision (approved or rejected, with the reasons). */
    RESULT("result", "办理结果通知书");

    private final String slug;
    private final String titleZh;

    NoticeKind(String slug, String titleZh) {
        this.slug = slug;
        this.titleZh = titleZh;
    }

    /** @return the lower-case name used in URLs */
    public String slug() {
        return slug;
    }

    /** @return the notice's Chinese title */
    public String titleZh() {
        return titleZh;
    }

    /** @return the kind named by the slug (case-insensitive), or empty */
    public static Optional<NoticeKind> ofSlug(String slug) {
        String s = slug == null ? "" : slug.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.slug.equals(s)).findFirst();
    }
}
