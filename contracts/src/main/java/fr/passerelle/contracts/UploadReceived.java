package fr.passerelle.contracts;

import java.time.Instant;

/**
 * A raw file was stored and recorded; the quality check may start.
 *
 * @param schema name of the Table Schema the file should follow (a folder of the schema catalogue); null when
 *               none was named: quality then detects it from the file's header
 * @param source who brought the file: {@code upload} (REST) or {@code drop} (dropzone)
 * @param decisions the decisions remembered for the dataset when the file was received, to apply to it; null in
 *                  events written before decisions existed (read as none)
 */
public record UploadReceived(
        String uploadId,
        String organization,
        String dataset,
        String schema,
        String filename,
        String source,
        ObjectRef raw,
        Instant receivedAt,
        java.util.List<DatasetDecision> decisions) implements PipelineEvent {

    /** An upload without remembered decisions. */
    public UploadReceived(String uploadId, String organization, String dataset, String schema, String filename,
                          String source, ObjectRef raw, Instant receivedAt) {
        this(uploadId, organization, dataset, schema, filename, source, raw, receivedAt, null);
    }

    /** The decisions to apply: none when the event has none. */
    public java.util.List<DatasetDecision> decisionsOrNone() {
        return decisions == null ? java.util.List.of() : decisions;
    }
}
