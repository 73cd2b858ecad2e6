package fr.passerelle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox relays of a service's instances take turns: a relay pass starts only once it holds the
 * service's relay lock, so two instances never send events of one dataset side by side (out of
 * order). Here the test holds ingest's lock itself: an upload is accepted, but its event waits in the
 * outbox until the lock is released, then flows.
 */
class OutboxRelayLockTest {

    private static final String SCHEMA = "stationnement-cyclable";

    @Test
    void noRelayPassWhileAnotherHoldsTheServiceRelayLock() throws Exception {
        String organization = "relais";
        String dataset = Pipeline.freshDataset("verrou");
        String uploadId;
        try (Connection holder = DriverManager.getConnection(Stack.JDBC, "ingest",
                Stack.secret("PASSERELLE_DB_PASSWORD_INGEST"))) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT pg_advisory_xact_lock(hashtext('passerelle-outbox-relay:' || current_schema()))");
            }
            uploadId = Pipeline.accepted(organization, dataset, SCHEMA, "verrou.csv", content());
            Pipeline.sleep(3_000); // the relay runs right after each commit, and every second

            assertEquals(1, unsentEventsOf(uploadId), "the event waits in the outbox while the lock is held");
            assertEquals("RECEIVED", Pipeline.status(uploadId).getString("status"));
            holder.rollback(); // releases the lock
        }
        Pipeline.awaitStatus(uploadId, "AWAITING_APPROVAL");
        assertEquals(0, unsentEventsOf(uploadId));
    }

    private static long unsentEventsOf(String uploadId) throws Exception {
        try (Connection connection = DriverManager.getConnection(Stack.JDBC, "ingest",
                Stack.secret("PASSERELLE_DB_PASSWORD_INGEST"));
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND ce_subject = ?")) {
            count.setString(1, "uploads/" + uploadId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static byte[] content() {
        List<List<String>> rows = Csv.rows(Csv.example(SCHEMA, "exemple-valide.csv"));
        return Csv.asFrenchExcelExport(List.of(rows.get(0), rows.get(1)));
    }
}
