package fr.passerelle.publish.remote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TargetRetriesTest {

    private static TargetView target(Integer lastVersion, String lastStatus) {
        return new TargetView("udata", "https://www.data.gouv.fr/api/1", "org", null, null, lastVersion, lastStatus,
                null, null, Instant.now(), null);
    }

    @Test
    void aTargetThatHasTheLatestVersionIsLeftAlone() {
        assertTrue(TargetRetries.isUpToDate(target(3, "PUBLISHED"), 3));
    }

    @Test
    void aFailedPendingOrNeverPushedTargetIsPushedAgain() {
        assertFalse(TargetRetries.isUpToDate(target(3, "FAILED"), 3));
        assertFalse(TargetRetries.isUpToDate(target(3, RemoteTargets.PENDING), 3));
        assertFalse(TargetRetries.isUpToDate(target(null, null), 1), "a target added after the publication");
        assertFalse(TargetRetries.isUpToDate(target(3, "DRY_RUN"), 3), "a dry run sent nothing");
    }

    @Test
    void aTargetBehindTheLatestVersionIsPushedAgain() {
        assertFalse(TargetRetries.isUpToDate(target(2, "PUBLISHED"), 3));
    }
}
