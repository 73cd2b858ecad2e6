package fr.passerelle.quality.engine;

/**
 * How many threads a check may use on a large file. A CSV file can be parsed ahead on a thread of its own (the
 * read-ahead: decoding, splitting and trimming the cells, and on the fixing pass fixing the rows) while the calling
 * thread checks the rows already read; the rows are ordered and written on the calling thread while the others
 * check their cells (types, constraints) and analyse them for personal data. The report and the clean file are the
 * same as on one thread ({@code ParallelIdentityTest}).
 *
 * @param threads   threads checking cells, at least 1 (1: the calling thread alone)
 * @param minBytes  files smaller than this are checked on one thread: starting threads costs more than it saves
 * @param batchRows rows handed to a thread at once ({@value #DEFAULT_BATCH_ROWS} by default; the tests make it
 *                  small, to cross batch boundaries on small files)
 * @param readAhead whether a CSV file of {@code minBytes} or more is parsed on a thread of its own
 */
public record Parallelism(int threads, long minBytes, int batchRows, boolean readAhead) {

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

    /** With the read-ahead when there is more than one thread. */
    public Parallelism(int threads, long minBytes, int batchRows) {
        this(threads, minBytes, batchRows, threads > 1);
    }

    /** With the read-ahead when there is more than one thread. */
    public Parallelism(int threads, long minBytes) {
        this(threads, minBytes, DEFAULT_BATCH_ROWS);
    }

    /** From this many cores up, {@link #defaults()} uses them all. */
    static final int MIN_CORES = 3;

    /**
     * On files of {@value #DEFAULT_MIN_BYTES} bytes or more: the read-ahead from two cores up, and cells checked on
     * every core the JVM sees from {@value #MIN_CORES} up. On two cores, cell-checking workers gave the same wall time
     * for 5 to 25 % more CPU, while reading ahead took a fifth off a warm check's wall time for 10 to 20 % more CPU
     * (bench/README.md, issue 16): parsing is a third of a check and needs nothing from the rows before.
     */
    public static Parallelism defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Parallelism(cores >= MIN_CORES ? cores : 1, DEFAULT_MIN_BYTES, DEFAULT_BATCH_ROWS, cores >= 2);
    }

    /**
     * {@code threads} threads on files of {@value #DEFAULT_MIN_BYTES} bytes or more, whatever the cores: from 2 up, one
     * reads ahead besides the {@code threads} checking cells; 1 is everything on the calling thread.
     */
    public static Parallelism of(int threads) {
        return new Parallelism(threads, DEFAULT_MIN_BYTES);
    }

    /** One thread, whatever the file. */
    public static Parallelism single() {
        return new Parallelism(1, 0, DEFAULT_BATCH_ROWS, false);
    }

    /** The threads for a file of {@code bytes} bytes. */
    public int threadsFor(long bytes) {
        return bytes >= minBytes ? threads : 1;
    }

    /** Whether a CSV file of {@code bytes} bytes is parsed on a thread of its own. */
    public boolean readsAheadFor(long bytes) {
        return readAhead && bytes >= minBytes;
    }
}
