package fr.passerelle.stack;

import fr.passerelle.contracts.Topics;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Bucket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Sets up the local stack's Kafka topics and S3 buckets, idempotently; used by {@code ./passerelle up}.
 *
 * <pre>
 * topics       BOOTSTRAP                              create every topic of Topics.all()
 * buckets      ENDPOINT ACCESS_KEY SECRET_KEY NAME... create the buckets
 * wait-kafka   BOOTSTRAP                              wait until the broker answers
 * wait-s3      ENDPOINT ACCESS_KEY SECRET_KEY         wait until the S3 server answers
 * list-topics  BOOTSTRAP                              name and partition count of each topic
 * list-buckets ENDPOINT ACCESS_KEY SECRET_KEY
 * </pre>
 *
 * Every command retries until {@code -Dstack.timeout} seconds (default 60) have passed, so it can
 * run right after the server was started. Exit code 0 on success, 1 on failure, 2 on bad usage.
 */
public final class StackSetup {

    static final int PARTITIONS = 3;
    static final short REPLICATION_FACTOR = 1;

    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("stack.timeout", 60));
    private static final Duration PAUSE = Duration.ofMillis(250);

    private StackSetup() {
    }

    public static void main(String[] args) {
        // Kafka's client logs every configuration at INFO: only problems are worth showing here.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String command = args[0];
        List<String> params = Arrays.asList(args).subList(1, args.length);
        try {
            switch (command) {
                case "topics" -> createTopics(arg(params, 0, "BOOTSTRAP"));
                case "wait-kafka" -> waitKafka(arg(params, 0, "BOOTSTRAP"));
                case "list-topics" -> listTopics(arg(params, 0, "BOOTSTRAP"))
                        .forEach((name, partitions) -> System.out.println(name + " " + partitions));
                case "buckets" -> {
                    if (params.size() < 4) {
                        throw new IllegalArgumentException("buckets needs ENDPOINT ACCESS_KEY SECRET_KEY NAME...");
                    }
                    createBuckets(s3(params), params.subList(3, params.size()));
                }
                case "wait-s3" -> listBuckets(s3(params));
                case "list-buckets" -> listBuckets(s3(params)).forEach(System.out::println);
                case "help", "-h", "--help" -> usage();
                default -> throw new IllegalArgumentException("unknown command: " + command);
            }
            // OkHttp (under the MinIO client) keeps non-daemon pool threads alive for a minute.
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println("StackSetup: " + e.getMessage());
            usage();
            System.exit(2);
        } catch (Exception e) {
            System.err.println("StackSetup " + command + " failed: " + describe(e));
            System.exit(1);
        }
    }

    // ---- Kafka

    static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            retry("Kafka at " + bootstrap, () -> {
                Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                List<NewTopic> missing = Topics.all().stream()
                        .filter(name -> !existing.contains(name))
                        .map(name -> Topics.COMPACTED.contains(name)
                                ? new NewTopic(name, PARTITIONS, REPLICATION_FACTOR)
                                        .configs(Map.of("cleanup.policy", "compact"))
                                : new NewTopic(name, PARTITIONS, REPLICATION_FACTOR))
                        .toList();
                int created = 0;
                for (var entry : admin.createTopics(missing).values().entrySet()) {
                    try {
                        entry.getValue().get(30, TimeUnit.SECONDS);
                        created++;
                    } catch (ExecutionException e) {
                        // Another setup run created it meanwhile: that is the state we want.
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                System.out.printf("topics: %d created, %d already there%n",
                        created, Topics.all().size() - created);
                return null;
            });
        }
    }

    static void waitKafka(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            retry("Kafka at " + bootstrap, () -> admin
                    .describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                    .nodes().get(6, TimeUnit.SECONDS));
        }
    }

    /** Topic name → partition count, internal topics excluded. */
    static Map<String, Integer> listTopics(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return retry("Kafka at " + bootstrap, () -> {
                Set<String> names = admin.listTopics(new ListTopicsOptions().timeoutMs(5_000))
                        .names().get(6, TimeUnit.SECONDS);
                Map<String, Integer> partitions = new TreeMap<>();
                admin.describeTopics(names).allTopicNames().get(6, TimeUnit.SECONDS)
                        .forEach((name, description) -> partitions.put(name, description.partitions().size()));
                return partitions;
            });
        }
    }

    private static Admin admin(String bootstrap) {
        Properties config = new Properties();
        config.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000",
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500",
                AdminClientConfig.CLIENT_ID_CONFIG, "passerelle-stack-setup"));
        return Admin.create(config);
    }

    // ---- S3

    static void createBuckets(MinioClient s3, List<String> names) throws Exception {
        retry("S3", () -> {
            List<String> created = new ArrayList<>();
            for (String name : names) {
                if (s3.bucketExists(BucketExistsArgs.builder().bucket(name).build())) {
                    continue;
                }
                try {
                    s3.makeBucket(MakeBucketArgs.builder().bucket(name).build());
                    created.add(name);
                } catch (ErrorResponseException e) {
                    String code = e.errorResponse().code();
                    if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                        throw e;
                    }
                }
            }
            System.out.printf("buckets: %d created, %d already there%n",
                    created.size(), names.size() - created.size());
            return null;
        });
    }

    static List<String> listBuckets(MinioClient s3) throws Exception {
        return retry("S3", () -> s3.listBuckets().stream().map(Bucket::name).sorted().toList());
    }

    private static MinioClient s3(List<String> params) {
        MinioClient client = MinioClient.builder()
                .endpoint(arg(params, 0, "ENDPOINT"))
                .credentials(arg(params, 1, "ACCESS_KEY"), arg(params, 2, "SECRET_KEY"))
                .build();
        client.setTimeout(5_000, 10_000, 10_000);
        return client;
    }

    // ---- plumbing

    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Exception;
    }

    /** Runs the attempt until it succeeds or the timeout has passed; then throws the last failure. */
    static <T> T retry(String what, Attempt<T> attempt) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return attempt.run();
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(what + " not ready after " + TIMEOUT.toSeconds()
                            + " s: " + describe(e), e);
                }
                Thread.sleep(PAUSE.toMillis());
            }
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String arg(List<String> params, int index, String name) {
        if (params.size() <= index || params.get(index).isBlank()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return params.get(index);
    }

    private static void usage() {
        System.err.println("""
                usage: java -cp 'deploy/local/target/lib/tool/*' fr.passerelle.stack.StackSetup COMMAND ARGS
                  topics       BOOTSTRAP                               create every Passerelle topic (%d partitions)
                  buckets      ENDPOINT ACCESS_KEY SECRET_KEY NAME...  create the buckets
                  wait-kafka   BOOTSTRAP                               wait until the broker answers
                  wait-s3      ENDPOINT ACCESS_KEY SECRET_KEY          wait until the S3 server answers
                  list-topics  BOOTSTRAP                               name and partition count of each topic
                  list-buckets ENDPOINT ACCESS_KEY SECRET_KEY
                Retries until -Dstack.timeout seconds (default 60) have passed.""".formatted(PARTITIONS));
    }
}
