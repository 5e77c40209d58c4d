package org.onedoor.api.hall;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The halls this node serves: the default hall ({@link Hall#DEFAULT_ID}) always, and those added
 * by configuration; offered by the core.
 *
 * <p>Thread-safe; answers from memory without blocking.
 *
 * @since 1.3
 */
@ProviderType
public interface HallDirectory {

    /** @return every hall, the default hall first, then by id */
    List<Hall> halls();

    /**
     * @param hallId a hall id
     * @return the hall, if the node serves it
     */
    Optional<Hall> hall(String hallId);

    /** @return the default hall */
    Hall defaultHall();
}
