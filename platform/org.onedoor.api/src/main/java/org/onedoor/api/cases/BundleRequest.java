package org.onedoor.api.cases;

import java.util.List;
import java.util.Map;

/**
 * A "one thing" application (R11): several matters, possibly of several departments, for one applicant.
 *
 * @param nameZh         what the one thing is, e.g. {@code 开办餐馆}
 * @param applicant      who applies
 * @param parts          the matters and the materials handed in for each, two or more
 * @param channel        window or online
 * @param window         the accepting window (channel WINDOW), else 0
 * @param idempotencyKey a key that makes a retried request return the first bundle, or empty
 * @param oneThing       the catalog entry it is ({@link org.onedoor.api.matter.OneThing#code()}), or empty for a bundle
 *                       put together at the window; an entry's parts must be its matters, and its name is the entry's
 *                       (since 1.7)
 * @param fields         the application's fields, checked by the rules of every part's department (since 1.7)
 */
public record BundleRequest(String nameZh, Applicant applicant, List<Part> parts, CaseChannel channel, int window,
        String idempotencyKey, String oneThing, Map<String, String> fields) {

    /** A bundle put together at the window, without fields. */
    public BundleRequest(String nameZh, Applicant applicant, List<Part> parts, CaseChannel channel, int window, String idempotencyKey) {
        this(nameZh, applicant, parts, channel, window, idempotencyKey, "", Map.of());
    }

    /**
     * @param matterCode the matter
     * @param received   the names of the materials handed in for it
     */
    public record Part(String matterCode, List<String> received) {
        public Part {
            received = List.copyOf(received);
        }
    }

    public BundleRequest {
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 64) {
            throw new IllegalArgumentException("“一件事”需要名称（最多64个字符），例如“开办餐馆”");
        }
        parts = List.copyOf(parts);
        if (parts.size() < 2 || parts.size() > 20) {
            throw new IllegalArgumentException("“一件事”由2至20个事项组成");
        }
        if (parts.stream().map(Part::matterCode).distinct().count() != parts.size()) {
            throw new IllegalArgumentException("“一件事”中同一事项只能出现一次");
        }
        idempotencyKey = idempotencyKey == null ? "" : idempotencyKey;
        oneThing = oneThing == null ? "" : oneThing.strip();
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        if (channel == CaseChannel.WINDOW && window <= 0) {
            throw new IllegalArgumentException("a bundle accepted at a window needs the window number");
        }
    }
}
