package org.onedoor.shell.internal;

import java.util.stream.Collectors;
import org.onedoor.api.hall.Hall;
import org.onedoor.api.hall.HallDirectory;

/**
 * The {@code --hall} option the queue and zone commands share: which hall a command is about, the
 * default hall ({@link Hall#DEFAULT_ID}) when the option is left out. A hall the node does not serve
 * is refused with the code {@code unknown-hall} and the halls it does serve.
 */
final class HallOption {

    static final String NAME = "--hall";
    static final String DESCRIPTION = "The hall, e.g. xiping (default: the default hall zhumadian; onedoor:halls lists them)";

    private HallOption() {
    }

    /**
     * @param named the option's value, or null when left out
     * @return the id of the hall the command is about
     * @throws IllegalArgumentException for a hall the node does not serve
     */
    static String of(HallDirectory halls, String named) {
        if (named == null || named.isBlank() || named.equals(Hall.DEFAULT_ID)) {
            return Hall.DEFAULT_ID;
        }
        if (!Hall.validId(named) || halls.hall(named).isEmpty()) {
            throw new IllegalArgumentException("unknown-hall: 没有大厅 “" + named + "” / no hall '" + named
                    + "' is served here. Halls: " + halls.halls().stream().map(Hall::id).collect(Collectors.joining(", ")));
        }
        return named;
    }

    /** @return " in hall <id>" for another hall than the default one, "" for the default hall */
    static String suffix(String hallId) {
        return Hall.DEFAULT_ID.equals(hallId) ? "" : " in hall " + hallId;
    }
}
