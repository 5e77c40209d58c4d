package org.onedoor.api.cases;

/** How a case stands against its time limit (R10, R12). */
public enum TimeLight {
    /** Within the time limit, with most of it still left (or decided in time). */
    GREEN,
    /** Still undecided with most of the time limit used (the share is configurable). */
    YELLOW,
    /** Past the deadline without a decision, or decided after it. */
    RED
}
