package org.onedoor.api.calendar;

/** Where the node got a year of its calendar from. */
public enum YearOrigin {
    /** Shipped inside the node's core bundle. */
    BUNDLED,
    /** Loaded at run time by an operator and kept in the node's store; it overrides a bundled year of the same number. */
    LOADED
}
