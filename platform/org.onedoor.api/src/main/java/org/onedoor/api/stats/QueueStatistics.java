package org.onedoor.api.stats;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers how the queue went on a hall day, per zone; offered by the core. Calls block on the
 * database, which computes the figures from the ticket records.
 */
@ProviderType
public interface QueueStatistics {

    /**
     * @param day a hall day (the hall's calendar day, Asia/Shanghai)
     * @return the default hall's figures ({@link #day(String, LocalDate)} of
     *         {@link org.onedoor.api.hall.Hall#DEFAULT_ID}): one entry per zone that had a ticket that
     *         day, ordered by zone id; empty when none
     */
    List<ZoneQueueDay> day(LocalDate day);

    /**
     * @param hallId a hall id; a hall without tickets (or one the node does not serve) has no figures
     * @param day    a hall day (the hall's calendar day, Asia/Shanghai)
     * @return one entry per zone of that hall that had a ticket that day, ordered by zone id; empty
     *         when none. Zones of the same id in two halls are counted apart.
     * @since 1.1
     */
    List<ZoneQueueDay> day(String hallId, LocalDate day);
}
