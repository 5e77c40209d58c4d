package org.onedoor.api.matter;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The hall's "one thing" bundles (R11) as catalog entries, read against the matters offered now;
 * offered by the core (since 1.2). Thread-safe, answers from memory.
 */
@ProviderType
public interface OneThings {

    /** @return every entry, ordered by code */
    List<OneThing> oneThings();

    /** @return the entry of that code, if the catalog has one */
    Optional<OneThing> oneThing(String code);
}
