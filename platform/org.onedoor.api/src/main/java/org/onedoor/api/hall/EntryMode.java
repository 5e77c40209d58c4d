package org.onedoor.api.hall;

/** How a unit is present in the hall (rule R4). */
public enum EntryMode {
    /** The unit's staff sit in the hall and the whole flow happens there. */
    STAFF_AND_MATTERS,
    /** The window receives; the unit's named officer comes to the hall when called. */
    MATTERS_ONLY
}
