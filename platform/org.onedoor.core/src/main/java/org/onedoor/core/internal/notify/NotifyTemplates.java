package org.onedoor.core.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates, one file per template and language, {@code <template>.<language>.txt}
 * (e.g. {@code called.zh.txt}), UTF-8, in the operator's folder ({@code etc/onedoor/notify}); a
 * template missing there is taken from the copy shipped in the core bundle. Files are read at each
 * message, so an operator's edit counts from the next message on. Placeholders are
 * {@code {name}}; one without a value is refused, so a template typo is not sent to citizens.
 */
final class NotifyTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private final Optional<Path> folder;

    /** @param folder the operator's folder, or empty for the shipped templates only */
    NotifyTemplates(Optional<Path> folder) {
        this.folder = folder;
    }

    /** @return the folder named in the configuration, else {@code ${karaf.etc}/onedoor/notify} when Karaf runs */
    static Optional<Path> folder(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured.strip()));
        }
        String etc = System.getProperty("karaf.etc");
        return etc == null ? Optional.empty() : Optional.of(Path.of(etc, "onedoor", "notify"));
    }

    /**
     * @return the template's text in the language (Chinese when there is none in that language)
     *         with its placeholders filled in
     * @throws IllegalArgumentException when there is no such template or a placeholder has no value
     */
    String render(String templateId, Locale locale, Map<String, String> values) {
        String template = text(templateId, locale).orElseThrow(() -> new IllegalArgumentException("no template " + templateId));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + templateId + ": no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private Optional<String> text(String templateId, Locale locale) {
        if (!ID.matcher(templateId).matches()) {
            throw new IllegalArgumentException("template id '" + templateId + "' must be lower-case letters, digits or '-'");
        }
        String language = locale.getLanguage().isEmpty() ? "zh" : locale.getLanguage();
        Optional<String> found = file(templateId + "." + language + ".txt");
        return found.isPresent() || language.equals("zh") ? found : file(templateId + ".zh.txt");
    }

    private Optional<String> file(String name) {
        if (folder.isPresent()) {
            Path p = folder.get().resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read template " + p + ": " + e.getMessage(), e);
                }
            }
        }
        try (InputStream in = NotifyTemplates.class.getResourceAsStream("/notify/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped template " + name + ": " + e.getMessage(), e);
        }
    }
}
