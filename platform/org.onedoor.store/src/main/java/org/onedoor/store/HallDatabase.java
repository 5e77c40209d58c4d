package org.onedoor.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one way to the hall's database: JDBI handles over the hall's {@link DataSource}, with
 * transactions that are run again, up to {@value #ATTEMPTS} times in all, when they collide
 * with a concurrent one on a unique key (SQLState 23505, H2 and PostgreSQL alike) or lose a
 * serialization conflict (SQLState 40001, PostgreSQL). Other integrity failures (a missing
 * foreign key, a null in a required column) fail at once: running them again cannot help.
 *
 * <p>No JDBI plug-ins are installed (no ServiceLoader look-up): mappers are registered by the
 * stores themselves, by name. A failure leaves as {@link IllegalStateException} with the SQL
 * cause, as the stores always reported it.
 */
@ProviderType
@Component(service = HallDatabase.class)
public final class HallDatabase {

    /** How many times a colliding transaction is tried in all. */
    public static final int ATTEMPTS = 3;

    /** SQLState of a unique-key violation, the same in H2 and PostgreSQL. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** SQLState of a lost serialization conflict (PostgreSQL). */
    public static final String SERIALIZATION_FAILURE = "40001";

    private final Jdbi jdbi;

    @Activate
    public HallDatabase(@Reference(target = "(onedoor.datasource=hall)") DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
    }

    /** Work on a handle that returns a value. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Handle handle) throws SQLException;
    }

    /** Runs the work on one connection in auto-commit mode. */
    public <T> T withHandle(Work<T> work) {
        try (Handle handle = jdbi.open()) {
            return work.run(handle);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Runs the work in one transaction and returns its value; rolls back on any exception, and
     * runs it again when the transaction collided (see the class description).
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Handle handle = jdbi.open()) {
                return handle.inTransaction(h -> work.run(h));
            } catch (RuntimeException | SQLException e) {
                RuntimeException failure = e instanceof SQLException sql
                        ? new IllegalStateException(sql.getMessage(), sql) : translate((RuntimeException) e);
                if (attempt >= ATTEMPTS || !collided(failure)) {
                    throw failure;
                }
            }
        }
    }

    /**
     * Runs the work on a handle over a connection of the caller's own transaction, for stores that still
     * hold a JDBC connection (the queue): the work's reads and writes are part of that transaction, which
     * this neither commits, rolls back nor closes.
     *
     * @since 1.2.0
     */
    public static <T> T onConnection(Connection connection, Work<T> work) throws SQLException {
        Jdbi borrowed = Jdbi.create(new org.jdbi.v3.core.ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection c) {
                // the caller's: it ends the transaction and closes the connection
            }
        });
        borrowed.getConfig(Handles.class).setForceEndTransactions(false);
        try (Handle handle = borrowed.open()) {
            return work.run(handle);
        } catch (RuntimeException e) {
            RuntimeException t = translate(e);
            if (t.getCause() instanceof SQLException sql && t instanceof IllegalStateException) {
                throw sql;
            }
            throw t;
        }
    }

    /** Work on a handle for its effect. */
    @FunctionalInterface
    public interface Use {
        void run(Handle handle) throws SQLException;
    }

    /** Runs the work in one transaction, with the same retries, for its effect. */
    public void useTransaction(Use work) {
        inTransaction(h -> {
            work.run(h);
            return null;
        });
    }

    /** @return whether the failure is a unique-key collision or a serialization conflict worth running again */
    public static boolean collided(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (UNIQUE_VIOLATION.equals(sql.getSQLState()) || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** JDBI's unchecked exceptions become IllegalStateException with the SQL cause; others pass unchanged. */
    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof org.jdbi.v3.core.JdbiException && e.getCause() instanceof SQLException sql) {
            return new IllegalStateException(sql.getMessage(), sql);
        }
        return e;
    }
}
