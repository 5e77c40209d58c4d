package org.onedoor.api.queue;

/** The class of a waiting ticket; lower classes are served first. */
public enum TicketPriority {
    /** An online appointment, checked in (rule R13). */
    APPOINTMENT,
    /** The green channel: elderly, disabled, military and other configured groups. */
    GREEN,
    /** First come, first served. */
    NORMAL
}
