package fr.passerelle.catalog.db;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the state back with plain JDBC, outside the service's reactive sessions. */
final class Rows {

    private final AgroalDataSource jdbc;

    Rows(AgroalDataSource jdbc) {
        this.jdbc = jdbc;
    }

    long count(String sql, Object... parameters) {
        Object value = one(sql, parameters);
        return ((Number) value).longValue();
    }

    /** The first column of the first row; null when there is no row. */
    Object one(String sql, Object... parameters) {
        try (Connection connection = jdbc.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
