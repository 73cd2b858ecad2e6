package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * A source's rows read ahead on a thread of their own: parsing a CSV file (decoding, splitting, trimming) is about a
 * third of a check, and here it runs on another core while the caller's thread checks the rows already read (on the
 * fixing pass, the source is the fixed rows: that thread parses and fixes). The rows, their order and the exception
 * that ends them are those of the source: only the thread differs. The source must not share what it changes with
 * the caller's thread while rows are read (the fixes' log is read once the pass is over and this source closed).
 *
 * <p>Memory stays bounded: the rows wait in a few batches of at most {@value #BATCH_ROWS} rows or about
 * {@value #BATCH_CHARS} characters, and the reading thread waits when they are all full. For a source whose reading
 * notes and fixes are known only once read, ask for them after the last row: they are the source's own.
 * Not thread-safe: one caller thread, as for any source.
 *
 * <p>The reading thread may also prepare each row ({@link #preparing}): what the caller would otherwise compute from
 * the row alone (the validator's row fingerprint) is then done there, on the core whose cache still holds the row's
 * cells, and off the caller's thread.
 */
public final class ReadAhead extends WrappedSource {

    static final int BATCH_ROWS = 256;
    static final int BATCH_CHARS = 64 * 1024;
    /** Batches waiting for the caller: enough to ride out a slow row on either side. */
    static final int WAITING_BATCHES = 4;

    /**
     * Rows read and what was prepared of each (empty without a preparation), then how the reading ended: {@code end}
     * with {@code failure} null at the end of the source.
     */
    private record Batch(List<TableRow> rows, List<Object> prepared, boolean end, Throwable failure) {
    }

    private final int batchRows;
    private final int batchChars;
    private final BlockingQueue<Batch> batches;
    private final Thread reader;
    /**
     * What is done to each row on the reading thread besides reading it; {@code null} for nothing. A source read ahead
     * with a preparation is its caller's, who closes it ({@link #preparing}); one without belongs to this.
     */
    private final Function<TableRow, Object> preparation;
    private volatile boolean closed;
    private Batch current = new Batch(List.of(), List.of(), false, null);
    private int next;

    private ReadAhead(TableSource source, Function<TableRow, Object> preparation, int batchRows, int batchChars,
                      int waitingBatches) {
        super(source);
        this.preparation = preparation;
        this.batchRows = batchRows;
        this.batchChars = batchChars;
        this.batches = new ArrayBlockingQueue<>(waitingBatches);
        this.reader = new Thread(this::readAll, "passerelle-read-ahead");
        reader.setDaemon(true);
    }

    /** {@code source}, now read ahead; closing the result closes it. */
    public static TableSource of(TableSource source) {
        return of(source, BATCH_ROWS, BATCH_CHARS, WAITING_BATCHES);
    }

    /** With other batches: the tests make them tiny, so that a few rows fill every batch and the queue. */
    static TableSource of(TableSource source, int batchRows, int batchChars, int waitingBatches) {
        return start(new ReadAhead(source, null, batchRows, batchChars, waitingBatches));
    }

    /**
     * The rest of {@code source}'s rows read ahead, each also given to {@code preparation} on the reading thread
     * ({@link #prepared()} gives the result). Closing the result stops that thread but leaves {@code source} open:
     * its caller still holds it. A row's preparation that throws ends the rows there, as the source's own failure
     * would: a preparation that must not, such as a check whose failure belongs to its row, keeps it in its result.
     *
     * @param preparation a function of the row alone, run for each row in order on one other thread; it may share
     *                    nothing it changes with the caller's thread
     */
    public static ReadAhead preparing(TableSource source, Function<TableRow, Object> preparation) {
        return preparing(source, preparation, BATCH_ROWS, BATCH_CHARS, WAITING_BATCHES);
    }

    static ReadAhead preparing(TableSource source, Function<TableRow, Object> preparation, int batchRows,
                               int batchChars, int waitingBatches) {
        return start(new ReadAhead(source, Objects.requireNonNull(preparation, "preparation"), batchRows,
                batchChars, waitingBatches));
    }

    private static ReadAhead start(ReadAhead ahead) {
        try {
            ahead.reader.start();
        } catch (RuntimeException | Error e) {
            // No thread (the system's limit reached): an owned source is closed here, nobody else holds it.
            if (ahead.ownsSource()) {
                try {
                    ahead.source.close();
                } catch (IOException | RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
        return ahead;
    }

    private void readAll() {
        List<TableRow> rows = new ArrayList<>();
        List<Object> prepared = preparation == null ? List.of() : new ArrayList<>();
        long chars = 0;
        try {
            for (TableRow row = source.next(); row != null && !closed; row = source.next()) {
                if (preparation != null) {
                    prepared.add(preparation.apply(row));
                }
                rows.add(row);
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.cell(c);
                    chars += cell.length();
                    // A String keeps its hash once computed: the checks' memos key on the cells, and computing it
                    // here spares the calling thread.
                    cell.hashCode();
                }
                if (rows.size() >= batchRows || chars >= batchChars) {
                    batches.put(new Batch(rows, prepared, false, null));
                    rows = new ArrayList<>();
                    prepared = preparation == null ? List.of() : new ArrayList<>();
                    chars = 0;
                }
            }
            batches.put(new Batch(rows, prepared, true, null));
        } catch (InterruptedException e) {
            // Closed by the caller: nobody waits for the rest.
        } catch (Throwable failure) {
            if (!closed) {
                try {
                    batches.put(new Batch(rows, prepared, true, failure));
                } catch (InterruptedException closing) {
                    // Closed meanwhile.
                }
            }
        }
    }

    @Override
    public TableRow next() throws IOException, UnreadableRowException {
        while (next == current.rows().size()) {
            if (current.end()) {
                rethrow(current.failure());
                return null;
            }
            try {
                current = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for rows read ahead");
            }
            next = 0;
        }
        return current.rows().get(next++);
    }

    private boolean ownsSource() {
        return preparation == null;
    }

    /** What the preparation gave for the row {@link #next()} returned last; {@code null} without a preparation. */
    public Object prepared() {
        return preparation == null || next == 0 ? null : current.prepared().get(next - 1);
    }

    private static void rethrow(Throwable failure) throws IOException, UnreadableRowException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof UnreadableRowException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        // Only a source lying about what it throws gets here.
        throw new IllegalStateException("rows read ahead ended on " + failure, failure);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        // Wakes the reader waiting for room; one inside a read of the file ends it (an interrupt closes the channel).
        reader.interrupt();
        // The source is closed once its reader has stopped using it, however long this thread is asked to stop.
        Threads.joinUninterruptibly(reader);
        if (ownsSource()) {
            source.close();
        }
    }
}
