package fr.passerelle.ingest.pull;

import java.time.Instant;

/** A dataset's export URL, fetched on a schedule and fed to the pipeline like a drop. */
public record PullSource(
        String organization,
        String dataset,
        String url,
        int intervalMinutes,
        Instant lastPulledAt,
        String lastOutcome,
        String lastDetail) {
}
