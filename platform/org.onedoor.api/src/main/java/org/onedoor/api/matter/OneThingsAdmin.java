package org.onedoor.api.matter;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Replaces the hall's "one thing" list (R11) at run time: the core ships a list (its 20 entries are placeholders
 * until the hall publishes its own); an operator loads the hall's list as a file of the same format, checked whole
 * against the catalog before anything changes, kept in the hall database so every node serves it (since 1.3).
 * Calls block on the database.
 */
@ProviderType
public interface OneThingsAdmin {

    /** Largest list file accepted, in bytes of UTF-8. */
    int MAX_FILE_BYTES = 256 * 1024;

    /**
     * @param content the file's text (JSON, format {@code onedoor-one-things/1})
     * @param source  the file's name or where it came from
     * @param actor   who loads it
     * @return the list now served
     * @throws InvalidOneThingsException if the file is not a valid list (nothing changed)
     */
    OneThingList load(String content, String source, String actor);

    /**
     * Goes back to the list shipped with the core.
     *
     * @param actor who does it
     * @return the list now served
     */
    OneThingList reset(String actor);

    /** @return the list served now: shipped or loaded, by whom and when */
    OneThingList current();
}
