package fr.passerelle.platform.storage;

import fr.passerelle.contracts.ObjectRef;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The S3 server, seen as the few operations the pipeline needs. Objects are streamed: no method
 * holds a whole file in memory.
 */
@ApplicationScoped
public class ObjectStore {

    private final MinioClient client;

    public ObjectStore(StorageConfig config) {
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .credentials(config.accessKey(), config.secretKey())
                .region(config.region())
                .build();
    }

    /** Stores a local file and returns its reference, with the SHA-256 of its bytes. */
    public ObjectRef put(String bucket, String key, Path file, String contentType) {
        MessageDigest sha256 = sha256();
        long size;
        InputStream in;
        try {
            size = Files.size(file);
            in = new DigestInputStream(Files.newInputStream(file), sha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the local file: ours, not the store's
        }
        // Past this point an IOException is the network to the store (the MinIO client throws them too): the store's.
        try (in) {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(in, size, -1).contentType(contentType).build());
        } catch (Exception e) {
            throw new StorageException("Cannot store " + bucket + "/" + key, e);
        }
        return new ObjectRef(bucket, key, HexFormat.of().formatHex(sha256.digest()), size);
    }

    /** Stores a small document (a report) held in memory. */
    public ObjectRef put(String bucket, String key, byte[] content, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new java.io.ByteArrayInputStream(content), content.length, -1)
                    .contentType(contentType).build());
            return new ObjectRef(bucket, key, HexFormat.of().formatHex(sha256().digest(content)), content.length);
        } catch (Exception e) {
            throw new StorageException("Cannot store " + bucket + "/" + key, e);
        }
    }

    /** Copies an object to a local file (for readers that need to read it more than once). */
    public void download(ObjectRef ref, Path target) {
        try (InputStream in = open(ref.bucket(), ref.key())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Mostly the store going away mid-transfer: an outage the callers may wait out.
            throw new StorageException("Cannot read " + ref.bucket() + "/" + ref.key(), e);
        }
    }

    /** The caller closes the stream. */
    public InputStream open(String bucket, String key) {
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new StorageException("Cannot read " + bucket + "/" + key, e);
        }
    }

    /** A server-side copy: the bytes do not pass through the service. */
    public ObjectRef copy(ObjectRef source, String bucket, String key) {
        try {
            client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(key)
                    .source(CopySource.builder().bucket(source.bucket()).object(source.key()).build())
                    .build());
            return new ObjectRef(bucket, key, source.sha256(), source.size());
        } catch (Exception e) {
            throw new StorageException("Cannot copy " + source.bucket() + "/" + source.key()
                    + " to " + bucket + "/" + key, e);
        }
    }

    public Optional<StatObjectResponse> stat(String bucket, String key) {
        try {
            return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new StorageException("Cannot stat " + bucket + "/" + key, e);
        } catch (Exception e) {
            throw new StorageException("Cannot stat " + bucket + "/" + key, e);
        }
    }

    /** The complete objects of a bucket (S3 lists an object only once its upload is complete). */
    public List<StoredObject> list(String bucket) {
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.add(new StoredObject(bucket, item.objectName(), unquote(item.etag()), item.size(),
                            item.lastModified() == null ? null : item.lastModified().toInstant()));
                }
            }
            return objects;
        } catch (Exception e) {
            throw new StorageException("Cannot list " + bucket, e);
        }
    }

    public void delete(String bucket, String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new StorageException("Cannot delete " + bucket + "/" + key, e);
        }
    }

    /** The SHA-256 of a local file, hex. */
    public static String sha256Of(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    public boolean bucketExists(String bucket) {
        try {
            return client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        } catch (Exception e) {
            throw new StorageException("S3 server unreachable", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
