package org.onedoor.api.calendar;

import java.util.List;

/**
 * Thrown when a calendar year file is refused; nothing of it was loaded.
 *
 * <p>Each problem names where it is (line and field, e.g. {@code line 7, holidays[1].to}) and what to fix.
 */
public class InvalidCalendarFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    /**
     * @param source   the file's name or where it came from, for the message
     * @param problems what is wrong, at least one entry
     */
    public InvalidCalendarFileException(String source, List<String> problems) {
        super(source + " is not a valid calendar file, nothing was loaded: " + String.join("; ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** @return the file's name or where it came from */
    public String source() {
        return source;
    }

    /** @return what is wrong, one entry per problem, in file order */
    public List<String> problems() {
        return problems;
    }
}
