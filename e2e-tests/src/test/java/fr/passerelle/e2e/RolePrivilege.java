package fr.passerelle.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real fault a service cannot wait out: its PostgreSQL role loses a privilege on one of its own
 * tables (as after a bad migration or a wrong GRANT script), until {@link #restore()}. The role owns
 * its schema's tables, so it revokes and grants back its own privilege: no superuser needed.
 */
final class RolePrivilege implements AutoCloseable {

    private final String role;
    private final String privilege;
    private final String table;
    private boolean revoked;

    private RolePrivilege(String role, String privilege, String table) {
        this.role = role;
        this.privilege = privilege;
        this.table = table;
    }

    /** @param table schema-qualified, e.g. {@code quality.report} */
    static RolePrivilege revoke(String role, String privilege, String table) {
        RolePrivilege fault = new RolePrivilege(role, privilege, table);
        fault.execute("REVOKE " + privilege + " ON " + table + " FROM " + role);
        fault.revoked = true;
        return fault;
    }

    void restore() {
        if (revoked) {
            execute("GRANT " + privilege + " ON " + table + " TO " + role);
            revoked = false;
        }
    }

    @Override
    public void close() {
        restore();
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(Stack.JDBC, role,
                Stack.secret("PASSERELLE_DB_PASSWORD_" + role.toUpperCase()));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
