package fr.passerelle.platform.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.passerelle.contracts.MalformedEventException;
import fr.passerelle.platform.storage.StorageException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy PRODUCTION = new RetryPolicy(Duration.ofMinutes(2), Duration.ofMillis(500),
            Duration.ofSeconds(10), 3, Duration.ofMillis(500));
    private static final StorageException OUTAGE = new StorageException("Cannot read",
            new ConnectException("Connection refused"));

    @Test
    void outageDelaysDoubleUpToTheirCeiling() {
        RetryPolicy.Attempts attempts = new RetryPolicy.Attempts();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(PRODUCTION.nextDelay(OUTAGE, attempts).orElseThrow().toMillis());
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L, 10000L), delays);
    }

    @Test
    void anOutageIsGivenUpOnOnceThePatienceWouldBeExceeded() {
        RetryPolicy impatient = new RetryPolicy(Duration.ofMillis(700), Duration.ofMillis(500), Duration.ofSeconds(10),
                3, Duration.ofMillis(500));
        RetryPolicy.Attempts attempts = new RetryPolicy.Attempts();
        assertEquals(Optional.of(Duration.ofMillis(500)), impatient.nextDelay(OUTAGE, attempts));
        assertTrue(impatient.nextDelay(OUTAGE, attempts).isEmpty(), "500 ms then 1 s would pass 700 ms");
    }

    @Test
    void otherFailuresGetAFewShortRetriesAndMalformedEventsNone() {
        RetryPolicy.Attempts attempts = new RetryPolicy.Attempts();
        IllegalStateException bug = new IllegalStateException("a bug");
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(Duration.ofMillis(500)), PRODUCTION.nextDelay(bug, attempts));
        }
        assertTrue(PRODUCTION.nextDelay(bug, attempts).isEmpty());
        assertTrue(PRODUCTION.nextDelay(new MalformedEventException("no ce_id"), new RetryPolicy.Attempts()).isEmpty());
        assertTrue(PRODUCTION.nextDelay(new RuntimeException(new MalformedEventException("no ce_id")),
                new RetryPolicy.Attempts()).isEmpty(), "wrapped, as a transaction may rethrow it");
    }
}
