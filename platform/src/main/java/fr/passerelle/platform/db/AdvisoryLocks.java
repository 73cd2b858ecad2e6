package fr.passerelle.platform.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * PostgreSQL session advisory locks, for work that must not run twice at once across instances.
 * Each lock is held on a connection of its own, outside any transaction, and PostgreSQL releases
 * it if the instance dies.
 */
@ApplicationScoped
public class AdvisoryLocks {

    private final AgroalDataSource dataSource;

    public AdvisoryLocks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits for the lock named {@code name}, runs the work, releases the lock. */
    public <T> T underLock(String name, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "SELECT pg_advisory_lock(hashtext(?))", name);
            try {
                return work.get();
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new Database.DatabaseException("advisory lock " + name, e);
        }
    }

    /** Runs the work only if nobody holds the lock; empty when somebody does. */
    public <T> Optional<T> ifFree(String name, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                execute(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new Database.DatabaseException("advisory lock " + name, e);
        }
    }

    /** For the lock functions that return nothing (void) or whose answer does not matter. */
    private static void execute(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            statement.execute();
        }
    }

    private static boolean call(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
