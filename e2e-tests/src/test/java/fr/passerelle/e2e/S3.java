package fr.passerelle.e2e;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** The real S3 server of the stack, as an automated export would use it. */
final class S3 {

    private static final MinioClient CLIENT = MinioClient.builder().endpoint(Stack.S3)
            .credentials(Stack.secret("PASSERELLE_S3_ACCESS_KEY"), Stack.secret("PASSERELLE_S3_SECRET_KEY"))
            .build();

    private S3() {
    }

    static void put(String bucket, String key, byte[] content) {
        try {
            CLIENT.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(content), content.length, -1).build());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot put " + bucket + "/" + key, e);
        }
    }

    static byte[] get(String bucket, String key) {
        try (InputStream in = CLIENT.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot get " + bucket + "/" + key, e);
        }
    }

    static void remove(String bucket, String key) {
        try {
            CLIENT.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot remove " + bucket + "/" + key, e);
        }
    }

    static boolean exists(String bucket, String key) {
        try {
            CLIENT.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stat " + bucket + "/" + key, e);
        }
    }
}
