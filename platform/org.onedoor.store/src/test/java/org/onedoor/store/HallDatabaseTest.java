package org.onedoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.onedoor.store.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

/** The transaction helper on embedded H2 and on the PostgreSQL server on 127.0.0.1:5432. */
class HallDatabaseTest {

    private static HallDatabase memoryH2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new HallDatabase(ds);
    }

    @Test
    void onH2() {
        exercise(memoryH2());
    }

    @Test
    void onPostgres() throws Exception {
        try (TestDatabases.Postgres pg = TestDatabases.postgres("onedoor_test")) {
            PGSimpleDataSource ds = pg.dataSource();
            exercise(new HallDatabase(ds));
        }
    }

    private static void exercise(HallDatabase db) {
        db.useTransaction(h -> h.execute("CREATE TABLE item (name VARCHAR(20) PRIMARY KEY, n INT NOT NULL)"));
        valuesAreReturnedAndNamedMapped(db);
        aFailedTransactionLeavesNothing(db);
        aUniqueCollisionIsRunAgainWithTheNewState(db);
        otherFailuresAreNotRunAgain(db);
        aCollisionThatPersistsGivesUpAfterThreeAttempts(db);
    }

    private static void valuesAreReturnedAndNamedMapped(HallDatabase db) {
        int inserted = db.inTransaction(h -> h.createUpdate("INSERT INTO item (name, n) VALUES (:name, :n)")
                .bind("name", "a").bind("n", 1).execute());
        assertEquals(1, inserted);
        Item read = db.withHandle(h -> h.createQuery("SELECT name, n FROM item WHERE name = :name").bind("name", "a")
                .map((rs, ctx) -> new Item(rs.getString("name"), rs.getInt("n"))).one());
        assertEquals(new Item("a", 1), read);
    }

    private static void aFailedTransactionLeavesNothing(HallDatabase db) {
        assertThrows(IllegalArgumentException.class, () -> db.useTransaction(h -> {
            h.createUpdate("INSERT INTO item (name, n) VALUES ('b', 2)").execute();
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(0, count(db, "b"));
    }

    private static void aUniqueCollisionIsRunAgainWithTheNewState(HallDatabase db) {
        AtomicInteger attempts = new AtomicInteger();
        String stored = db.inTransaction(h -> {
            attempts.incrementAndGet();
            boolean present = h.createQuery("SELECT COUNT(*) FROM item WHERE name = 'c'").mapTo(Integer.class).one() > 0;
            if (!present && attempts.get() == 1) {
                // a concurrent writer takes the key between our read and our insert
                db.useTransaction(other -> other.execute("INSERT INTO item (name, n) VALUES ('c', 3)"));
            }
            if (present) {
                return "kept";
            }
            h.execute("INSERT INTO item (name, n) VALUES ('c', 30)");
            return "inserted";
        });
        assertEquals("kept", stored);
        assertEquals(2, attempts.get());
    }

    private static void otherFailuresAreNotRunAgain(HallDatabase db) {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.useTransaction(h -> {
            attempts.incrementAndGet();
            h.execute("INSERT INTO no_such_table VALUES (1)");
        }));
        assertTrue(e.getCause() instanceof SQLException, "the SQL failure is the cause");
        assertEquals(1, attempts.get());
        // an integrity failure that is not a unique key (a null in a required column) is not a collision either
        AtomicInteger nulls = new AtomicInteger();
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> db.useTransaction(h -> {
            nulls.incrementAndGet();
            h.execute("INSERT INTO item (name, n) VALUES (NULL, 1)");
        }));
        assertTrue(((SQLException) missing.getCause()).getSQLState().startsWith("23"), missing.getMessage());
        assertEquals(1, nulls.get());
    }

    private static void aCollisionThatPersistsGivesUpAfterThreeAttempts(HallDatabase db) {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> db.useTransaction(h -> {
            attempts.incrementAndGet();
            h.execute("INSERT INTO item (name, n) VALUES ('a', 9)");
        }));
        assertTrue(HallDatabase.collided(e));
        assertEquals(HallDatabase.ATTEMPTS, attempts.get());
        int kept = db.withHandle(h -> h.createQuery("SELECT n FROM item WHERE name = 'a'").mapTo(Integer.class).one());
        assertEquals(1, kept);
    }

    private static int count(HallDatabase db, String name) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM item WHERE name = :name").bind("name", name)
                .mapTo(Integer.class).one());
    }


    record Item(String name, int n) {
    }
}
