package fr.passerelle.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay's order of statements, on a recording JDBC connection (the lock itself is exercised on
 * the real PostgreSQL by the end-to-end {@code OutboxRelayLockTest}).
 */
class OutboxRelayTest {

    private final List<String> statements = new ArrayList<>();

    @Test
    void aPassTakesTheServiceRelayLockBeforeReadingAnyRow() throws Exception {
        OutboxRelay relay = new OutboxRelay(recordingDataSource(), "127.0.0.1:1", "ingest-service");

        assertEquals(0, relay.relayBatch(), "nothing to send");

        assertEquals(2, statements.size(), statements.toString());
        assertTrue(statements.get(0).contains("pg_advisory_xact_lock"), "the lock comes first: " + statements);
        assertTrue(statements.get(0).contains("current_schema()"), "one lock per service schema: " + statements);
        assertTrue(statements.get(1).contains("FROM outbox") && statements.get(1).contains("ORDER BY seq"), statements.get(1));
        // Under the lock no row may be skipped: skipping one would send a later event of its key first.
        assertFalse(statements.get(1).contains("SKIP LOCKED"), statements.get(1));
    }

    private AgroalDataSource recordingDataSource() {
        return proxy(AgroalDataSource.class, (method, args) -> method.equals("getConnection") ? connection() : null);
    }

    private Connection connection() {
        return proxy(Connection.class, (method, args) -> switch (method) {
            case "prepareStatement" -> {
                statements.add((String) args[0]);
                yield statement();
            }
            default -> null;
        });
    }

    private PreparedStatement statement() {
        return proxy(PreparedStatement.class, (method, args) -> switch (method) {
            case "executeQuery" -> proxy(ResultSet.class, (m, a) -> m.equals("next") ? false : null);
            case "execute" -> true;
            default -> null;
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(OutboxRelayTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args));
    }
}
