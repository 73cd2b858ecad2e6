package fr.passerelle.ingest.upload;

import java.time.Instant;

/**
 * A dataset's most recent upload, as the organisation's dashboard lists it: it is all there is to show of a
 * dataset whose files were all refused, which the catalogue does not know (it records valid files only).
 *
 * @param status  the status a person sees ({@link Uploads#effectiveStatusSql})
 * @param version null while no upload of the dataset became a version
 */
public record LastUpload(
        String dataset,
        String uploadId,
        String filename,
        UploadStatus status,
        String verdict,
        Double validityPercent,
        String summary,
        Integer version,
        Instant receivedAt) {
}
