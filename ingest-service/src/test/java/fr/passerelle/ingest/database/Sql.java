package fr.passerelle.ingest.database;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The tests' own look at the tables, over JDBC: what is committed, whatever the service's reactive client says. */
final class Sql {

    private Sql() {
    }

    static long count(AgroalDataSource jdbc, String sql, Object... parameters) {
        Object value = one(jdbc, sql, parameters);
        return ((Number) value).longValue();
    }

    static Object one(AgroalDataSource jdbc, String sql, Object... parameters) {
        try (Connection connection = jdbc.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
