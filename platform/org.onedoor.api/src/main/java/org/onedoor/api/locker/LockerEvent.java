package org.onedoor.api.locker;

import java.time.Instant;

/**
 * Something that happened at a cabinet.
 *
 * @param type      what happened
 * @param cabinetId the cabinet
 * @param door      the door
 * @param depositId the deposit concerned, 0 when none
 * @param at        when the node noticed it
 * @param detail    a short human description
 */
public record LockerEvent(Type type, String cabinetId, int door, long depositId, Instant at, String detail) {

    /** Kinds of locker events. */
    public enum Type {
        /** A result was deposited. */
        DEPOSITED,
        /** A citizen's code opened the door. */
        PICKED_UP,
        /** The board reported the door still locked after an open command. */
        DOOR_FAILED_TO_OPEN,
        /** The door stayed open longer than the cabinet allows. */
        DOOR_LEFT_OPEN,
        /** The door was closed again. */
        DOOR_CLOSED
    }
}
