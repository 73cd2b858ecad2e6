package fr.passerelle.catalog.db;

import fr.passerelle.contracts.ObjectRef;
import fr.passerelle.platform.storage.ObjectStore;
import fr.passerelle.platform.storage.StorageConfig;
import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The object store in memory, for the database tests (S3 is the end-to-end tests' business): the clean files a
 * comparison of versions reads, by bucket and key. Records the threads it was called on, to show the blocking client
 * stays off the event loop.
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
    public ObjectRef put(String bucket, String key, byte[] content, String contentType) {
        threads.add(Thread.currentThread().getName());
        objects.put(bucket + "/" + key, content);
        return new ObjectRef(bucket, key, null, content.length);
    }

    @Override
    public InputStream open(String bucket, String key) {
        threads.add(Thread.currentThread().getName());
        byte[] content = objects.get(bucket + "/" + key);
        if (content == null) {
            throw new IllegalStateException("NoSuchKey " + key);
        }
        return new ByteArrayInputStream(content);
    }
}
