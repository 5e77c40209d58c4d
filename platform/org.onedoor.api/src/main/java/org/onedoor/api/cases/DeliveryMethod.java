package org.onedoor.api.cases;

/** How a result reaches the applicant (R3). */
public enum DeliveryMethod {
    /** Handed over at the unified issuance window. */
    ISSUANCE_WINDOW,
    /** Put into a self-service pickup locker; the applicant opens it with a pickup code. */
    PICKUP_LOCKER,
    /** Sent by free postal delivery, with a tracking number. */
    MAIL
}
