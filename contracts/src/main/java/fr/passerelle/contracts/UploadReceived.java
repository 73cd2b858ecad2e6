package fr.passerelle.contracts;

import java.time.Instant;

/**
 * A raw file was stored and recorded; the quality check may start.
 *
 * @param schema name of the Table Schema the file should follow (a folder of the schema catalogue); null when
 *               none was named: quality then detects it from the file's header
 * @param source who brought the file: {@code upload} (REST) or {@code drop} (dropzone)
 */
public record UploadReceived(
        String uploadId,
        String organization,
        String dataset,
        String schema,
        String filename,
        String source,
        ObjectRef raw,
        Instant receivedAt) implements PipelineEvent {
}
