package org.onedoor.api.matter;

/** Where a filed adjustment stands with the hall. */
public enum MatterChangeStatus {
    /** Filed by the department, awaiting the hall's confirmation. */
    FILED,
    /** Confirmed by the hall: announced, and in force from its effective date. */
    CONFIRMED,
    /** Refused by the hall, with a reason. */
    REJECTED
}
