package fr.passerelle.quality.engine.read;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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
 */
public final class ReadAhead extends WrappedSource {

    static final int BATCH_ROWS = 256;
    static final int BATCH_CHARS = 64 * 1024;
    /** Batches waiting for the caller: enough to ride out a slow row on either side. */
    static final int WAITING_BATCHES = 4;

    /** Rows read, then how the reading ended: {@code end} with {@code failure} null at the end of the source. */
    private record Batch(List<TableRow> rows, boolean end, Throwable failure) {
    }

    private final int batchRows;
    private final int batchChars;
    private final BlockingQueue<Batch> batches;
    private final Thread reader;
    private volatile boolean closed;
    private Batch current = new Batch(List.of(), false, null);
    private int next;

    private ReadAhead(TableSource source, int batchRows, int batchChars, int waitingBatches) {
        super(source);
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
        ReadAhead ahead = new ReadAhead(source, batchRows, batchChars, waitingBatches);
        try {
            ahead.reader.start();
        } catch (RuntimeException | Error e) {
            // No thread (the system's limit reached): the source is closed here, nobody else holds it.
            try {
                source.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return ahead;
    }

    private void readAll() {
        List<TableRow> rows = new ArrayList<>();
        long chars = 0;
        try {
            for (TableRow row = source.next(); row != null && !closed; row = source.next()) {
                rows.add(row);
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.cell(c);
                    chars += cell.length();
                    // A String keeps its hash once computed: the checks' memos key on the cells, and computing it
                    // here spares the calling thread.
                    cell.hashCode();
                }
                if (rows.size() >= batchRows || chars >= batchChars) {
                    batches.put(new Batch(rows, false, null));
                    rows = new ArrayList<>();
                    chars = 0;
                }
            }
            batches.put(new Batch(rows, true, null));
        } catch (InterruptedException e) {
            // Closed by the caller: nobody waits for the rest.
        } catch (Throwable failure) {
            if (!closed) {
                try {
                    batches.put(new Batch(rows, true, failure));
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
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
