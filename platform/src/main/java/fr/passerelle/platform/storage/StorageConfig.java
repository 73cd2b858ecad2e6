package fr.passerelle.platform.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the S3 server is and what the buckets are called. */
@ConfigMapping(prefix = "passerelle.s3")
public interface StorageConfig {

    @WithDefault("http://127.0.0.1:9000")
    String endpoint();

    String accessKey();

    String secretKey();

    @WithDefault("us-east-1")
    String region();

    Buckets buckets();

    interface Buckets {
        @WithDefault("raw")
        String raw();

        @WithDefault("clean")
        String clean();

        @WithDefault("public")
        String publicBucket();

        @WithDefault("dropzone")
        String dropzone();
    }
}
