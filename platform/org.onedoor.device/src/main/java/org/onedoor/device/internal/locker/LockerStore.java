package org.onedoor.device.internal.locker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.onedoor.api.locker.Deposit;
import org.onedoor.api.locker.LockerDoor;
import org.onedoor.store.HallDatabase;

/**
 * Deposits, door use and wrong codes in the store (tables {@code locker_deposit}, {@code locker_door},
 * {@code locker_failed_pickup}); each method is one short transaction through {@link HallDatabase}.
 */
final class LockerStore {

    private static final String DEPOSIT_COLUMNS = "id, cabinet_id, door, reference, deposited_by, deposited_at, picked_up_at, code_salt, code_hash";
    /** How often a deposit looks for another free door when a concurrent deposit took the one it found. */
    private static final int DOOR_TRIES = 5;

    private final HallDatabase database;

    LockerStore(HallDatabase database) {
        this.database = database;
    }

    /** Makes sure the cabinet's doors 1 to {@code doors} have rows (a row another node added meanwhile is kept). */
    void ensureDoors(String cabinetId, int doors) {
        try {
            database.withHandle(h -> {
                Set<Integer> known = Set.copyOf(h.createQuery("SELECT door FROM locker_door WHERE cabinet_id = :cabinet")
                        .bind("cabinet", cabinetId).mapTo(Integer.class).list());
                for (int door = 1; door <= doors; door++) {
                    if (known.contains(door)) {
                        continue;
                    }
                    try {
                        h.createUpdate("INSERT INTO locker_door (cabinet_id, door, deposit_id, out_of_service)"
                                + " VALUES (:cabinet, :door, NULL, '')").bind("cabinet", cabinetId).bind("door", door).execute();
                    } catch (UnableToExecuteStatementException e) {
                        if (!(e.getCause() instanceof SQLException sql) || !HallDatabase.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                            throw e;
                        }
                    }
                }
                return null;
            });
        } catch (IllegalStateException e) {
            throw failure("cannot list the doors of cabinet " + cabinetId, e);
        }
    }

    /** @return the cabinet's doors 1 to {@code doors} with their use; the state is left {@code unknown} */
    List<LockerDoor> doors(String cabinetId, int doors) {
        try {
            return database.withHandle(h -> h.createQuery("SELECT door, deposit_id, out_of_service FROM locker_door"
                    + " WHERE cabinet_id = :cabinet AND door <= :doors ORDER BY door")
                    .bind("cabinet", cabinetId).bind("doors", doors)
                    .map((rs, ctx) -> {
                        long deposit = rs.getLong("deposit_id");
                        String outOfService = rs.getString("out_of_service");
                        LockerDoor.DoorUse use = !outOfService.isEmpty() ? LockerDoor.DoorUse.OUT_OF_SERVICE
                                : deposit != 0 ? LockerDoor.DoorUse.OCCUPIED : LockerDoor.DoorUse.FREE;
                        return new LockerDoor(cabinetId, rs.getInt("door"), use, "unknown", deposit, outOfService);
                    }).list());
        } catch (IllegalStateException e) {
            throw failure("cannot list the doors of cabinet " + cabinetId, e);
        }
    }

    /** A concurrent deposit took the door this one found: look for another. */
    private static final class DoorTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DoorTaken() {
            super(null, null, false, false);
        }
    }

    /**
     * Takes the lowest free door of the cabinet and stores the deposit in it, in one transaction.
     *
     * @return the deposit, empty when no door is free
     */
    Optional<Deposit> deposit(String cabinetId, int doors, String reference, String depositedBy, String salt, String hash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int tries = 0; tries < DOOR_TRIES; tries++) {
            try {
                return database.inTransaction(h -> {
                    Optional<Integer> free = h.createQuery("SELECT door FROM locker_door WHERE cabinet_id = :cabinet AND door <= :doors"
                            + " AND deposit_id IS NULL AND out_of_service = '' ORDER BY door FETCH FIRST 1 ROWS ONLY")
                            .bind("cabinet", cabinetId).bind("doors", doors).mapTo(Integer.class).findOne();
                    if (free.isEmpty()) {
                        return Optional.<Deposit>empty();
                    }
                    int door = free.get();
                    long id = h.createUpdate("INSERT INTO locker_deposit (cabinet_id, door, reference, code_salt, code_hash,"
                            + " deposited_by, deposited_at) VALUES (:cabinet, :door, :reference, :salt, :hash, :by, :at)")
                            .bind("cabinet", cabinetId).bind("door", door).bind("reference", reference).bind("salt", salt)
                            .bind("hash", hash).bind("by", depositedBy).bind("at", Timestamp.from(now))
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    int taken = h.createUpdate("UPDATE locker_door SET deposit_id = :id WHERE cabinet_id = :cabinet"
                            + " AND door = :door AND deposit_id IS NULL AND out_of_service = ''")
                            .bind("id", id).bind("cabinet", cabinetId).bind("door", door).execute();
                    if (taken != 1) {
                        throw new DoorTaken();
                    }
                    return Optional.of(new Deposit(id, cabinetId, door, reference, depositedBy, now, Optional.empty()));
                });
            } catch (DoorTaken e) {
                // rolled back: the next try finds the next free door
            } catch (IllegalStateException e) {
                throw failure("cannot store a deposit in cabinet " + cabinetId, e);
            }
        }
        return Optional.empty();
    }

    /** @return the cabinet's waiting deposits, and those picked up since {@code usedSince} */
    List<StoredDeposit> deposits(String cabinetId, Instant usedSince) {
        try {
            return database.withHandle(h -> h.createQuery("SELECT " + DEPOSIT_COLUMNS + " FROM locker_deposit"
                    + " WHERE cabinet_id = :cabinet AND (picked_up_at IS NULL OR picked_up_at >= :since) ORDER BY id")
                    .bind("cabinet", cabinetId).bind("since", Timestamp.from(usedSince))
                    .map(LockerStore::storedDeposit).list());
        } catch (IllegalStateException e) {
            throw failure("cannot read the deposits of cabinet " + cabinetId, e);
        }
    }

    private static StoredDeposit storedDeposit(ResultSet rs, StatementContext ctx) throws SQLException {
        Timestamp picked = rs.getTimestamp("picked_up_at");
        return new StoredDeposit(new Deposit(rs.getLong("id"), rs.getString("cabinet_id"), rs.getInt("door"), rs.getString("reference"),
                rs.getString("deposited_by"), rs.getTimestamp("deposited_at").toInstant(),
                Optional.ofNullable(picked).map(Timestamp::toInstant)), rs.getString("code_salt"), rs.getString("code_hash"));
    }

    /** Marks a waiting deposit picked up; false when it no longer waits (picked up meanwhile). */
    boolean claim(long depositId, Instant at, String origin) {
        return update("UPDATE locker_deposit SET picked_up_at = :at, picked_up_from = :origin WHERE id = :id AND picked_up_at IS NULL",
                Map.of("at", Timestamp.from(at), "origin", origin, "id", depositId)) == 1;
    }

    /** Makes a claimed deposit wait again (its door did not open). */
    void unclaim(long depositId) {
        update("UPDATE locker_deposit SET picked_up_at = NULL, picked_up_from = NULL WHERE id = :id", Map.of("id", depositId));
    }

    /** Frees the door that held the deposit. */
    void freeDoor(String cabinetId, int door, long depositId) {
        update("UPDATE locker_door SET deposit_id = NULL WHERE cabinet_id = :cabinet AND door = :door AND deposit_id = :id",
                Map.of("cabinet", cabinetId, "door", door, "id", depositId));
    }

    /** Takes a door out of service (it failed to open), keeping its deposit. */
    void outOfService(String cabinetId, int door, String why) {
        update("UPDATE locker_door SET out_of_service = :why WHERE cabinet_id = :cabinet AND door = :door",
                Map.of("why", why.length() > 256 ? why.substring(0, 256) : why, "cabinet", cabinetId, "door", door));
    }

    /** Returns a door to service. */
    void inService(String cabinetId, int door) {
        update("UPDATE locker_door SET out_of_service = '' WHERE cabinet_id = :cabinet AND door = :door",
                Map.of("cabinet", cabinetId, "door", door));
    }

    void failedPickup(String cabinetId, String origin, Instant at) {
        update("INSERT INTO locker_failed_pickup (cabinet_id, origin, failed_at) VALUES (:cabinet, :origin, :at)",
                Map.of("cabinet", cabinetId, "origin", origin.length() > 128 ? origin.substring(0, 128) : origin, "at", Timestamp.from(at)));
    }

    /** @return the times of the cabinet's wrong codes since {@code since} (from any origin when {@code origin} is null), oldest first */
    List<Instant> failures(String cabinetId, String origin, Instant since) {
        try {
            return database.withHandle(h -> h.createQuery("SELECT failed_at FROM locker_failed_pickup WHERE cabinet_id = :cabinet"
                    + " AND failed_at >= :since AND (:anyOrigin OR origin = :origin) ORDER BY failed_at")
                    .bind("cabinet", cabinetId).bind("since", Timestamp.from(since))
                    .bind("anyOrigin", origin == null).bind("origin", origin == null ? "" : origin)
                    .map((rs, ctx) -> rs.getTimestamp("failed_at").toInstant()).list());
        } catch (IllegalStateException e) {
            throw failure("cannot read the wrong codes of cabinet " + cabinetId, e);
        }
    }

    private int update(String sql, Map<String, Object> values) {
        try {
            return database.withHandle(h -> h.createUpdate(sql).bindMap(values).execute());
        } catch (IllegalStateException e) {
            throw failure("cannot update the lockers", e);
        }
    }

    private static IllegalStateException failure(String what, IllegalStateException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e.getCause() == null ? e : e.getCause());
    }
}
