package fr.passerelle.contracts;

import java.time.Instant;

/**
 * A publisher refused a version that waited for approval: it will never be published. One event per
 * version, so that the upload it came from can say so.
 *
 * @param reason the publisher's comment, in their words: what the person who uploaded the file reads
 */
public record VersionRefused(
        String uploadId,
        String organization,
        String dataset,
        int version,
        String reason,
        Instant refusedAt) implements PipelineEvent {
}
