package org.onedoor.api.queue;

import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A ticket refused because the hall is outside its office hours (R21), code {@code outside-office-hours};
 * a retry of a request already stored gets its ticket back instead.
 */
public class OutsideOfficeHoursException extends QueueException {

    private static final long serialVersionUID = 1L;

    private final transient ZonedDateTime nextOpening;

    /**
     * @param message     what happened and when the hall opens again
     * @param nextOpening the next opening, or null when none lies within the look-ahead
     */
    public OutsideOfficeHoursException(String message, ZonedDateTime nextOpening) {
        super(Reason.CONFLICT, "outside-office-hours", message);
        this.nextOpening = nextOpening;
    }

    /** @return when the zone opens again, if known */
    public Optional<ZonedDateTime> nextOpening() {
        return Optional.ofNullable(nextOpening);
    }
}
