package org.onedoor.core.internal.calendar;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each value of a JSON text starts, by JSON pointer ({@code /holidays/1/to}),
 * so problems found in the parsed tree can name their line. Only for text that already parsed.
 */
final class JsonLines {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, Integer> lines;

    private JsonLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /**
     * @param json a syntactically valid JSON text
     * @return its value lines
     * @throws IOException if the text is not valid JSON
     */
    static JsonLines of(String json) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
                    continue;
                }
                JsonStreamContext context = p.getParsingContext();
                if (token.isStructStart()) {
                    context = context.getParent();
                }
                lines.putIfAbsent(context.pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        }
        return new JsonLines(lines);
    }

    /**
     * @param pointer a JSON pointer, e.g. {@code /holidays/1/to}
     * @return the line its value starts on; for an absent value the line of the nearest enclosing
     *         value that is present (1 at worst)
     */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
