package org.onedoor.web.internal.device;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Which caller screen pages ({@code /ui/screen?device=<id>}) hold the event stream of this node
 * now, and since when a screen has had none.
 */
@Component(service = ScreenConnections.class)
public final class ScreenConnections {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** One screen's connections. */
    public record Presence(int streams, Instant since) {
    }

    private final Map<String, Presence> screens = new ConcurrentHashMap<>();

    /** @return whether the text can be a device id */
    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A page of the screen opened the stream. */
    public void opened(String screenId) {
        screens.compute(screenId, (id, p) -> p == null || p.streams() == 0
                ? new Presence(1, Instant.now()) : new Presence(p.streams() + 1, p.since()));
    }

    /** A page of the screen closed the stream (or went away). */
    public void closed(String screenId) {
        screens.computeIfPresent(screenId, (id, p) -> p.streams() <= 1
                ? new Presence(0, Instant.now()) : new Presence(p.streams() - 1, p.since()));
    }

    /** @return the screen's streams now and since when it has had that many (or none); null if never seen */
    public Presence presence(String screenId) {
        return screens.get(screenId);
    }
}
