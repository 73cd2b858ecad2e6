package fr.passerelle.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the S3 server answers and the raw bucket exists. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    private final ObjectStore store;
    private final StorageConfig config;

    public ObjectStoreHealthCheck(ObjectStore store, StorageConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("s3").withData("endpoint", config.endpoint());
        try {
            return response.status(store.bucketExists(config.buckets().raw())).build();
        } catch (StorageException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
