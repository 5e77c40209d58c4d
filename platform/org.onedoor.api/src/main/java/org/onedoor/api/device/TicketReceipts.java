package org.onedoor.api.device;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The receipts of issued tickets on this node's printers; offered by the node. Thread-safe; reads the database (blocking).
 *
 * @since 1.5
 */
@ProviderType
public interface TicketReceipts {

    /**
     * @param hallId   the ticket's hall
     * @param ticketId the ticket's id
     * @return the receipt of the ticket's print command ({@code ticket-<id>} in the printer's outbox), empty when the hall
     *         has no such ticket
     */
    Optional<TicketReceipt> receipt(String hallId, String ticketId);
}
