package fr.passerelle.platform.storage;

/** The S3 server refused or could not be reached. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
