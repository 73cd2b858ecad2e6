package fr.passerelle.platform.storage;

import java.time.Instant;

/** An object as a bucket listing shows it; the ETag changes when the content is replaced. */
public record StoredObject(String bucket, String key, String etag, long size, Instant lastModified) {
}
