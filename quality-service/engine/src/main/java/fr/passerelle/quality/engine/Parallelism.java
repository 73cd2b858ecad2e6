package fr.passerelle.quality.engine;

/**
 * How many threads a check may use: on a large file, the rows are read, ordered and written on one thread while
 * the others check their cells (types, constraints) and analyse them for personal data. The report and the clean
 * file are the same as on one thread ({@code ParallelIdentityTest}).
 *
 * @param threads   threads in all, at least 1
 * @param minBytes  files smaller than this are checked on one thread: starting threads costs more than it saves
 * @param batchRows rows handed to a thread at once ({@value #DEFAULT_BATCH_ROWS} by default; the tests make it
 *                  small, to cross batch boundaries on small files)
 */
public record Parallelism(int threads, long minBytes, int batchRows) {

    /** About 8 000 rows of a 40-column national schema; a guess, not measured: below it, threads cannot save much. */
    public static final long DEFAULT_MIN_BYTES = 4L * 1024 * 1024;

    /** Rows handed to a thread at once: enough to pay for the hand-over, few enough to keep memory small. */
    public static final int DEFAULT_BATCH_ROWS = 1_024;

    public Parallelism {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must not be negative: " + minBytes);
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows must be at least 1: " + batchRows);
        }
    }

    public Parallelism(int threads, long minBytes) {
        this(threads, minBytes, DEFAULT_BATCH_ROWS);
    }

    /** From this many cores up, {@link #defaults()} uses them all. */
    static final int MIN_CORES = 3;

    /**
     * Every core the JVM sees, on files of {@value #DEFAULT_MIN_BYTES} bytes or more, when it sees at least
     * {@value #MIN_CORES}; else one thread. With two cores the JIT compiler and the garbage collector already keep the
     * second one busy: a worker thread there gave the same wall time for 5 to 25 % more CPU (bench/README.md,
     * issue 16).
     */
    public static Parallelism defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Parallelism(cores >= MIN_CORES ? cores : 1, DEFAULT_MIN_BYTES);
    }

    /** {@code threads} threads on files of {@value #DEFAULT_MIN_BYTES} bytes or more, whatever the cores. */
    public static Parallelism of(int threads) {
        return new Parallelism(threads, DEFAULT_MIN_BYTES);
    }

    /** One thread, whatever the file. */
    public static Parallelism single() {
        return new Parallelism(1, 0);
    }

    /** The threads for a file of {@code bytes} bytes. */
    public int threadsFor(long bytes) {
        return bytes >= minBytes ? threads : 1;
    }
}
