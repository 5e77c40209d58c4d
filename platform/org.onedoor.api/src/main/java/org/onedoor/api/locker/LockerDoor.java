package org.onedoor.api.locker;

/**
 * One door of a cabinet.
 *
 * @param cabinetId the cabinet
 * @param door      the door number, 1 or more
 * @param use       whether it is free, holds a deposit or is out of service
 * @param state     its last reported state: {@code open}, {@code closed}, {@code left-open} or {@code unknown}
 * @param depositId the deposit it holds, 0 when none
 * @param note      why it is out of service, else empty
 */
public record LockerDoor(String cabinetId, int door, DoorUse use, String state, long depositId, String note) {

    /** What a door is used for. */
    public enum DoorUse {
        /** Empty, may take a deposit. */
        FREE,
        /** Holds a deposit waiting for its citizen. */
        OCCUPIED,
        /** Failed to open; takes no deposit until a technician frees it. */
        OUT_OF_SERVICE
    }
}
