package fr.passerelle.ingest.dropzone;

/**
 * An object that arrived in the dropzone, as a notification or a listing saw it.
 *
 * @param detectedBy {@code notification} or {@code reconciler}
 */
public record DetectedObject(String bucket, String key, String etag, long size, String detectedBy) {
}
