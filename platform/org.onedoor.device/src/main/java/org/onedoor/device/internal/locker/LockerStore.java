package org.onedoor.device.internal.locker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.onedoor.api.locker.Deposit;
import org.onedoor.api.locker.LockerDoor;

/**
 * Deposits, door use and wrong codes in the store (tables {@code locker_deposit}, {@code locker_door},
 * {@code locker_failed_pickup}); each method is one short transaction.
 */
final class LockerStore {

    private static final String DEPOSIT_COLUMNS = "id, cabinet_id, door, reference, deposited_by, deposited_at, picked_up_at, code_salt, code_hash";

    private final DataSource dataSource;

    LockerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes sure the cabinet's doors 1 to {@code doors} have rows. */
    void ensureDoors(String cabinetId, int doors) {
        try (Connection c = dataSource.getConnection()) {
            List<Integer> known = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT door FROM locker_door WHERE cabinet_id = ?")) {
                ps.setString(1, cabinetId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getInt(1));
                    }
                }
            }
            for (int door = 1; door <= doors; door++) {
                if (known.contains(door)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO locker_door (cabinet_id, door, deposit_id, out_of_service) VALUES (?, ?, NULL, '')")) {
                    ps.setString(1, cabinetId);
                    ps.setInt(2, door);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("cannot list the doors of cabinet " + cabinetId, e);
        }
    }

    /** @return the cabinet's doors 1 to {@code doors} with their use; the state is left {@code unknown} */
    List<LockerDoor> doors(String cabinetId, int doors) {
        List<LockerDoor> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT door, deposit_id, out_of_service FROM locker_door WHERE cabinet_id = ? AND door <= ? ORDER BY door")) {
            ps.setString(1, cabinetId);
            ps.setInt(2, doors);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long deposit = rs.getLong(2);
                    String outOfService = rs.getString(3);
                    LockerDoor.DoorUse use = !outOfService.isEmpty() ? LockerDoor.DoorUse.OUT_OF_SERVICE
                            : deposit != 0 ? LockerDoor.DoorUse.OCCUPIED : LockerDoor.DoorUse.FREE;
                    out.add(new LockerDoor(cabinetId, rs.getInt(1), use, "unknown", deposit, outOfService));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot list the doors of cabinet " + cabinetId, e);
        }
    }

    /**
     * Takes the lowest free door of the cabinet and stores the deposit in it, in one transaction.
     *
     * @return the deposit, empty when no door is free
     */
    Optional<Deposit> deposit(String cabinetId, int doors, String reference, String depositedBy, String salt, String hash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int tries = 0; tries < 5; tries++) {
                    int door = freeDoor(c, cabinetId, doors);
                    if (door == 0) {
                        c.rollback();
                        return Optional.empty();
                    }
                    long id;
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO locker_deposit (cabinet_id, door, reference, "
                            + "code_salt, code_hash, deposited_by, deposited_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, cabinetId);
                        ps.setInt(2, door);
                        ps.setString(3, reference);
                        ps.setString(4, salt);
                        ps.setString(5, hash);
                        ps.setString(6, depositedBy);
                        ps.setTimestamp(7, Timestamp.from(now));
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE locker_door SET deposit_id = ? WHERE cabinet_id = ? "
                            + "AND door = ? AND deposit_id IS NULL AND out_of_service = ''")) {
                        ps.setLong(1, id);
                        ps.setString(2, cabinetId);
                        ps.setInt(3, door);
                        if (ps.executeUpdate() == 1) {
                            c.commit();
                            return Optional.of(new Deposit(id, cabinetId, door, reference, depositedBy, now, Optional.empty()));
                        }
                    }
                    c.rollback();
                }
                return Optional.empty();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure("cannot store a deposit in cabinet " + cabinetId, e);
        }
    }

    private static int freeDoor(Connection c, String cabinetId, int doors) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT door FROM locker_door WHERE cabinet_id = ? AND door <= ? "
                + "AND deposit_id IS NULL AND out_of_service = '' ORDER BY door FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, cabinetId);
            ps.setInt(2, doors);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** @return the cabinet's waiting deposits, and those picked up since {@code usedSince} */
    List<StoredDeposit> deposits(String cabinetId, Instant usedSince) {
        List<StoredDeposit> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + DEPOSIT_COLUMNS
                + " FROM locker_deposit WHERE cabinet_id = ? AND (picked_up_at IS NULL OR picked_up_at >= ?) ORDER BY id")) {
            ps.setString(1, cabinetId);
            ps.setTimestamp(2, Timestamp.from(usedSince));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp picked = rs.getTimestamp(7);
                    out.add(new StoredDeposit(new Deposit(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), Optional.ofNullable(picked).map(Timestamp::toInstant)),
                            rs.getString(8), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the deposits of cabinet " + cabinetId, e);
        }
    }

    /** Marks a waiting deposit picked up; false when it no longer waits (picked up meanwhile). */
    boolean claim(long depositId, Instant at, String origin) {
        return update("UPDATE locker_deposit SET picked_up_at = ?, picked_up_from = ? WHERE id = ? AND picked_up_at IS NULL",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, origin);
                    ps.setLong(3, depositId);
                }) == 1;
    }

    /** Makes a claimed deposit wait again (its door did not open). */
    void unclaim(long depositId) {
        update("UPDATE locker_deposit SET picked_up_at = NULL, picked_up_from = NULL WHERE id = ?", ps -> ps.setLong(1, depositId));
    }

    /** Frees the door that held the deposit. */
    void freeDoor(String cabinetId, int door, long depositId) {
        update("UPDATE locker_door SET deposit_id = NULL WHERE cabinet_id = ? AND door = ? AND deposit_id = ?", ps -> {
            ps.setString(1, cabinetId);
            ps.setInt(2, door);
            ps.setLong(3, depositId);
        });
    }

    /** Takes a door out of service (it failed to open), keeping its deposit. */
    void outOfService(String cabinetId, int door, String why) {
        update("UPDATE locker_door SET out_of_service = ? WHERE cabinet_id = ? AND door = ?", ps -> {
            ps.setString(1, why.length() > 256 ? why.substring(0, 256) : why);
            ps.setString(2, cabinetId);
            ps.setInt(3, door);
        });
    }

    /** Returns a door to service. */
    void inService(String cabinetId, int door) {
        update("UPDATE locker_door SET out_of_service = '' WHERE cabinet_id = ? AND door = ?", ps -> {
            ps.setString(1, cabinetId);
            ps.setInt(2, door);
        });
    }

    void failedPickup(String cabinetId, String origin, Instant at) {
        update("INSERT INTO locker_failed_pickup (cabinet_id, origin, failed_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, cabinetId);
            ps.setString(2, origin.length() > 128 ? origin.substring(0, 128) : origin);
            ps.setTimestamp(3, Timestamp.from(at));
        });
    }

    /** @return the times of the cabinet's wrong codes since {@code since} (from any origin when {@code origin} is null), oldest first */
    List<Instant> failures(String cabinetId, String origin, Instant since) {
        String sql = "SELECT failed_at FROM locker_failed_pickup WHERE cabinet_id = ? AND failed_at >= ?"
                + (origin == null ? "" : " AND origin = ?") + " ORDER BY failed_at";
        List<Instant> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, cabinetId);
            ps.setTimestamp(2, Timestamp.from(since));
            if (origin != null) {
                ps.setString(3, origin);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getTimestamp(1).toInstant());
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the wrong codes of cabinet " + cabinetId, e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot update the lockers", e);
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }
}
