/**
 * The hall floor's queue: tickets, their order, the windows that call them, and the events that
 * screens and workstations follow.
 *
 * <p>The durable record is the database: an issued ticket is stored before it is acknowledged.
 * Numbers are the zone's letter and a daily sequence (e.g. {@code J012}), never repeated within a
 * zone and day. Online appointments (rule R13) are booked for a zone, day and time slot and, when
 * checked in on their day, become tickets served before the others. Bookings ({@link Bookings}, 1.5)
 * are appointments of a person: booked with a phone number, cancelled and rescheduled by code and
 * phone, checked in within a window around their slot.
 *
 * <p>Nullness: every parameter, return value and record component is non-null unless documented
 * otherwise; absent times and windows are {@link java.util.Optional} or 0.
 */
@Export
@Version("1.7.0")
package org.onedoor.api.queue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
