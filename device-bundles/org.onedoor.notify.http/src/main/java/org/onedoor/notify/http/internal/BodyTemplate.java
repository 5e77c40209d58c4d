package org.onedoor.notify.http.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request body of an HTTP gateway: a configured template whose placeholders ({@code {phone}},
 * {@code {text}}, …) are replaced by the message's values, each escaped for the body's content type
 * (JSON string characters, or URL-encoding for a form), so a text with quotes or ampersands never
 * breaks the body. An unknown placeholder is refused when the sender is created.
 */
final class BodyTemplate {

    static final Set<String> NAMES = Set.of("phone", "text", "eventKey", "template", "language", "timestamp");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    enum Escape { JSON, FORM, NONE }

    private final String template;
    private final Escape escape;

    BodyTemplate(String template, String contentType) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException("bodyTemplate: unknown placeholder {" + m.group(1) + "}; the placeholders are "
                        + String.join(" ", NAMES.stream().sorted().map(n -> "{" + n + "}").toList()));
            }
        }
        if (!template.contains("{phone}") || !template.contains("{text}")) {
            throw new IllegalArgumentException("bodyTemplate must contain {phone} and {text}");
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        this.template = template;
        this.escape = type.contains("json") ? Escape.JSON : type.contains("x-www-form-urlencoded") ? Escape.FORM : Escape.NONE;
    }

    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(escaped(values.getOrDefault(m.group(1), ""))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String escaped(String value) {
        return switch (escape) {
            case JSON -> json(value);
            case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
            case NONE -> value;
        };
    }

    /** @return the characters of a JSON string's content (without the quotes) */
    static String json(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
