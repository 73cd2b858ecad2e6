package fr.passerelle.staff.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.passerelle.staff.services.Api;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The history's download link: each version once published, never one that was not. */
class VersionLineTest {

    private static final String PORTAL = "http://127.0.0.1:8084/portal/ville/velos";
    private static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void anOlderPublishedVersionIsDownloadedFromThePortal() {
        VersionLine line = VersionLine.of(version(1, "PUBLISHED", CREATED.plusSeconds(60)), PORTAL);

        assertEquals(PORTAL + "/versions/1.csv", line.csvUrl());
    }

    @Test
    void aVersionNeverPublishedHasNoFileToDownload() {
        assertNull(VersionLine.of(version(2, "REFUSED", null), PORTAL).csvUrl());
        assertNull(VersionLine.of(version(3, "AWAITING_APPROVAL", null), PORTAL).csvUrl());
    }

    private static Api.Version version(int number, String state, Instant publishedAt) {
        return new Api.Version(number, "0b7f1d1e-8a51-4a8e-9c55-6f1f3c0c2a1" + number, 100.0, state, null, CREATED,
                publishedAt, 12, null);
    }
}
