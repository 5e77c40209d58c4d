package org.onedoor.api.matter;

import java.util.List;

/**
 * A "one thing" list file that cannot be loaded, with every problem found, each starting with where it is
 * ({@code oneThings[3].matters[1]: …}); nothing was changed (since 1.3).
 */
public class InvalidOneThingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidOneThingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, each naming its place in the file */
    public List<String> problems() {
        return problems;
    }

    /** @return the place of the first problem ({@code oneThings[3].matters[1]}), or {@code file} */
    public String field() {
        String first = problems.isEmpty() ? "" : problems.get(0);
        int colon = first.indexOf(':');
        return colon > 0 ? first.substring(0, colon) : "file";
    }
}
