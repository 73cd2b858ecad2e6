package fr.passerelle.ingest.database;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The object store in memory, for the database tests (S3 is the end-to-end tests' business): what the service writes,
 * by bucket and key. Records the threads it was called on, to show the blocking client stays off the event loop.
 */
@Mock
@Singleton
public class MemoryObjectStore extends ObjectStore {

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    public MemoryObjectStore(StorageConfig config) {
        super(config);
    }

    @Override
    public ObjectRef put(String bucket, String key, Path file, String contentType) {
        try {
            byte[] content = Files.readAllBytes(file);
            threads.add(Thread.currentThread().getName());
            objects.put(bucket + "/" + key, content);
            return new ObjectRef(bucket, key, ObjectStore.sha256Of(file), content.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ObjectRef put(String bucket, String key, byte[] content, String contentType) {
        threads.add(Thread.currentThread().getName());
        objects.put(bucket + "/" + key, content);
        return new ObjectRef(bucket, key, null, content.length);
    }

    @Override
    public void download(ObjectRef ref, Path target) {
        threads.add(Thread.currentThread().getName());
        byte[] content = objects.get(ref.bucket() + "/" + ref.key());
        if (content == null) {
            throw new IllegalStateException("NoSuchKey " + ref.key());
        }
        try {
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ObjectRef copy(ObjectRef source, String bucket, String key) {
        threads.add(Thread.currentThread().getName());
        byte[] content = objects.get(source.bucket() + "/" + source.key());
        objects.put(bucket + "/" + key, content);
        return new ObjectRef(bucket, key, null, content.length);
    }

    @Override
    public void delete(String bucket, String key) {
        threads.add(Thread.currentThread().getName());
        objects.remove(bucket + "/" + key);
    }
}
