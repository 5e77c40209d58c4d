package org.onedoor.core.internal.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Refuses a clerk's sign-in at a window (the staff registry's gate: R15, R16, the clerk's zone, the
 * day's roster) by throwing {@link org.onedoor.api.queue.QueueException}; it reads on the connection of
 * the sign-in's own transaction, so what it reads and the sign-in commit together.
 */
@FunctionalInterface
interface SignInGate {

    /** No gate. */
    SignInGate NONE = (c, hallId, clerk, window, zoneId, day) -> { };

    void check(Connection c, String hallId, String clerk, int window, String zoneId, LocalDate day) throws SQLException;
}
