package org.onedoor.api.matter;

import java.time.Instant;

/**
 * A catalog file an operator loaded at run time.
 *
 * @param name     the name it was loaded under
 * @param matters  how many matters it holds
 * @param loadedBy who loaded it
 * @param loadedAt when
 */
public record LoadedCatalog(String name, int matters, String loadedBy, Instant loadedAt) {
}
