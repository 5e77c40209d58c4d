package org.onedoor.core.internal.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.onedoor.store.HallDatabase;

/**
 * Reads and writes the hall's users in the hall database, so every node signs in the same users
 * with the same passwords at once: nothing is cached, each sign-in reads the row. Calls block.
 */
final class HallUserStore {

    private static final String SELECT_USER = "SELECT user_name, password_hash, department, disabled FROM hall_user";

    private final HallDatabase database;
    private final Clock clock;

    HallUserStore(HallDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @return the user of that name, or empty */
    Optional<StoredUser> find(String name) {
        return database.withHandle(h -> {
            Optional<Row> row = h.createQuery(SELECT_USER + " WHERE user_name = :name").bind("name", name)
                    .map((rs, ctx) -> row(rs)).findOne();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            Set<String> roles = new HashSet<>(h.createQuery("SELECT realm_role FROM hall_user_role WHERE user_name = :name")
                    .bind("name", name).map((rs, ctx) -> rs.getString("realm_role")).list());
            return Optional.of(row.get().with(roles));
        });
    }

    /** @return every user, sorted by name */
    List<StoredUser> all() {
        return database.withHandle(h -> {
            Map<String, Set<String>> roles = new HashMap<>();
            h.createQuery("SELECT user_name, realm_role FROM hall_user_role")
                    .map((rs, ctx) -> Map.entry(rs.getString("user_name"), rs.getString("realm_role"))).list()
                    .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
            return h.createQuery(SELECT_USER + " ORDER BY user_name").map((rs, ctx) -> row(rs)).list().stream()
                    .map(r -> r.with(roles.getOrDefault(r.name(), Set.of()))).toList();
        });
    }

    /** Adds the user unless one of that name exists; @return true when it was added */
    boolean insert(StoredUser user) {
        return database.inTransaction(h -> {
            if (exists(h, user.name())) {
                return false;
            }
            h.createUpdate("INSERT INTO hall_user (user_name, password_hash, department, disabled, changed_at)"
                    + " VALUES (:name, :hash, :department, :disabled, :now)")
                    .bind("name", user.name()).bind("hash", user.passwordHash())
                    .bind("department", user.department().orElse(null)).bind("disabled", user.disabled())
                    .bind("now", clock.instant()).execute();
            insertRoles(h, user);
            return true;
        });
    }

    /** Replaces the stored user of that name; @return false when there is none */
    boolean replace(StoredUser user) {
        return database.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE hall_user SET password_hash = :hash, department = :department,"
                    + " disabled = :disabled, changed_at = :now WHERE user_name = :name")
                    .bind("name", user.name()).bind("hash", user.passwordHash())
                    .bind("department", user.department().orElse(null)).bind("disabled", user.disabled())
                    .bind("now", clock.instant()).execute();
            if (changed == 0) {
                return false;
            }
            h.createUpdate("DELETE FROM hall_user_role WHERE user_name = :name").bind("name", user.name()).execute();
            insertRoles(h, user);
            return true;
        });
    }

    private static boolean exists(Handle h, String name) {
        return h.createQuery("SELECT COUNT(*) AS n FROM hall_user WHERE user_name = :name").bind("name", name)
                .map((rs, ctx) -> rs.getInt("n")).one() > 0;
    }

    private static void insertRoles(Handle h, StoredUser user) {
        for (String role : user.realmRoles()) {
            h.createUpdate("INSERT INTO hall_user_role (user_name, realm_role) VALUES (:name, :role)")
                    .bind("name", user.name()).bind("role", role).execute();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("user_name"), rs.getString("password_hash"),
                Optional.ofNullable(rs.getString("department")), rs.getBoolean("disabled"));
    }

    /** A {@code hall_user} row before its roles are read. */
    private record Row(String name, String passwordHash, Optional<String> department, boolean disabled) {
        StoredUser with(Set<String> roles) {
            return new StoredUser(name, passwordHash, department, disabled, roles);
        }
    }
}
