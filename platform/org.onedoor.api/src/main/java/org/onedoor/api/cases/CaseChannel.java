package org.onedoor.api.cases;

/** How an application reached the hall. */
public enum CaseChannel {
    /** Handed in at a window for a called ticket. */
    WINDOW,
    /** Filed on the online platform and accepted by a clerk without a visit. */
    ONLINE
}
