package org.onedoor.api.cases;

/** Where a "one thing" bundle is, derived from its parts. */
public enum BundleState {
    /** At least one part has no result yet. */
    IN_PROGRESS,
    /** Every part's result is ready: the bundle can be delivered, once. */
    READY,
    /** Delivered once, all parts together. */
    DELIVERED
}
