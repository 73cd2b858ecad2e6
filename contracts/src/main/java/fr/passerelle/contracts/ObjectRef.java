package fr.passerelle.contracts;

/**
 * A claim check: where a file lives in object storage. Files never travel on Kafka, only this.
 */
public record ObjectRef(String bucket, String key, String sha256, long size) {
}
