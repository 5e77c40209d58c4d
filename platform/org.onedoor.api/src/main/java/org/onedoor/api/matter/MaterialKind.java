package org.onedoor.api.matter;

/** Whether a missing material blocks acceptance (rule R9, tolerance acceptance). */
public enum MaterialKind {
    /** Must be present for the case to be accepted. */
    MAIN,
    /** May be supplied after acceptance, but before the decision. */
    TOLERABLE
}
