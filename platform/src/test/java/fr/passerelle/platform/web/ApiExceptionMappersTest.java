package fr.passerelle.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.passerelle.platform.storage.StorageException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ApiExceptionMappersTest {

    private final ApiExceptionMappers mappers = new ApiExceptionMappers();

    /** A commit that failed because PostgreSQL restarted: the SQL state hides in a suppressed exception. */
    @Test
    void aDatabaseOutageInsideAnUnexpectedExceptionIsA503ToRetry() {
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(new Exception("transactionCommit", new SQLException("connection refused", "08001")));
        Response answer = mappers.unexpected(new IllegalStateException("transaction failed", commit));
        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals("database-unavailable", ((ApiError) answer.getEntity()).code());
    }

    @Test
    void aStorageOutageInsideAnUnexpectedExceptionIsA503ToRetry() {
        Response answer = mappers.unexpected(new IllegalStateException("wrapped",
                new StorageException("Cannot store raw/x", new ConnectException("refused"))));
        assertEquals(503, answer.getStatus());
        assertEquals("storage-unavailable", ((ApiError) answer.getEntity()).code());
    }

    @Test
    void anythingElseIsStillA500() {
        Response answer = mappers.unexpected(new IllegalStateException("a bug",
                new SQLException("duplicate key", "23505")));
        assertEquals(500, answer.getStatus());
        assertEquals("internal-error", ((ApiError) answer.getEntity()).code());
    }
}
