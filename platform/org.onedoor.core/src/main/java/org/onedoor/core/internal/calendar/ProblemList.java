package org.onedoor.core.internal.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.onedoor.api.calendar.InvalidCalendarFileException;

/** Collects the problems of one calendar file, each prefixed with its line and field, in line order. */
final class ProblemList {

    private record Problem(int line, String text) {
    }

    private final String source;
    private final JsonLines lines;
    private final List<Problem> problems = new ArrayList<>();

    ProblemList(String source, JsonLines lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * Records a problem of the value at a JSON pointer.
     *
     * @param pointer where, e.g. {@code /holidays/1/to}; {@code ""} for the whole file
     * @param text    what is wrong and what to write instead
     */
    void add(String pointer, String text) {
        int line = lines.line(pointer);
        String field = field(pointer);
        problems.add(new Problem(line, "line " + line + (field.isEmpty() ? "" : ", " + field) + ": " + text));
    }

    /** @return the line the value at a pointer starts on */
    int line(String pointer) {
        return lines.line(pointer);
    }

    /** @throws InvalidCalendarFileException if any problem was recorded */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidCalendarFileException(source, problems.stream()
                    .sorted(Comparator.comparingInt(Problem::line)).map(Problem::text).toList());
        }
    }

    /** @return {@code holidays[1].to} for {@code /holidays/1/to} */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                field.append('[').append(part).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(part);
            }
        }
        return field.toString();
    }
}
