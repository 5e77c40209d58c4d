package org.onedoor.web.internal.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.onedoor.api.hall.Hall;

/**
 * The binding of rating pads to windows read from {@link RatingPadConfig#pads()}: a device user stands at
 * one window of one hall; a pad may read and rate only its own window's prompt.
 */
final class RatingPads {

    /** A window of a hall. */
    record Window(String hallId, int number) {
    }

    private final Map<String, Window> byUser;

    private RatingPads(Map<String, Window> byUser) {
        this.byUser = Map.copyOf(byUser);
    }

    /** @return the pads of {@code user=window, user=hall/window, …}; IllegalArgumentException naming a wrong pair */
    static RatingPads parse(String pads) {
        Map<String, Window> out = new HashMap<>();
        for (String pair : pads.split(",")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String user = eq < 0 ? "" : p.substring(0, eq).strip();
            String where = eq < 0 ? "" : p.substring(eq + 1).strip();
            int slash = where.indexOf('/');
            String hall = slash < 0 ? Hall.DEFAULT_ID : where.substring(0, slash);
            int window;
            try {
                window = Integer.parseInt(where.substring(slash + 1));
            } catch (NumberFormatException e) {
                window = 0;
            }
            if (user.isEmpty() || window < 1 || !Hall.validId(hall) || out.containsKey(user)) {
                throw new IllegalArgumentException("etc/org.onedoor.ratingpads.cfg: pads are user=window or user=hall/window, each user once; not '"
                        + p + "'");
            }
            out.put(user, new Window(hall, window));
        }
        return new RatingPads(out);
    }

    /** @return true when the device user is the pad of that window of that hall */
    boolean at(String user, String hallId, int window) {
        return new Window(hallId, window).equals(byUser.get(user));
    }
}
