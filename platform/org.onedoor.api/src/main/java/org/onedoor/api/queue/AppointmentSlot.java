package org.onedoor.api.queue;

import java.time.LocalTime;

/**
 * One time slot of a zone on a day.
 *
 * @param start    when it starts
 * @param capacity how many appointments it takes
 * @param booked   how many it has
 */
public record AppointmentSlot(LocalTime start, int capacity, int booked) {

    /** @return true when another appointment fits */
    public boolean free() {
        return booked < capacity;
    }
}
