package org.onedoor.api.matter;

import java.time.Instant;
import java.util.Optional;

/**
 * Which "one thing" list the hall serves (since 1.3).
 *
 * @param loaded   false for the list shipped with the core, true for one an operator loaded
 * @param source   the loaded file's name (empty for the shipped list)
 * @param loadedBy who loaded it (empty for the shipped list)
 * @param loadedAt when (empty for the shipped list)
 * @param count    how many entries it has
 */
public record OneThingList(boolean loaded, String source, String loadedBy, Optional<Instant> loadedAt, int count) {
}
