package fr.passerelle.quality.engine.validation;

import fr.passerelle.quality.engine.read.TableRow;
import fr.passerelle.quality.engine.read.TableSource;
import fr.passerelle.quality.engine.read.UnreadableRowException;
import fr.passerelle.quality.engine.validation.TableValidator.PrecheckedRow;
import fr.passerelle.quality.engine.validation.TableValidator.RowWalk;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the rows on the caller's thread, checks their own cells (type, constraints, length: {@link
 * RowValidator#checkCells}) and what the listener prepares (the personal-data analysis of the cells it scans
 * whatever the rows before) in batches on worker threads, and hands every row to the {@link RowWalk} on the
 * caller's thread, in file order: what depends on the rows before (keys, duplicates, counts, listeners, the clean
 * file) sees exactly the sequence a single thread would.
 *
 * <p>Memory stays bounded: at most 2 × workers + 1 batches (and never more than {@value #MAX_IN_FLIGHT}) of {@code batchRows} rows are read ahead; the
 * reader waits for the oldest batch to be walked before reading more.
 */
final class ParallelCellChecks {

    /** Batches read ahead at most: 8 × 1 024 rows of a 40-column file, about 40 MB of heap. */
    static final int MAX_IN_FLIGHT = 8;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int workers;
    private final int inFlight;
    private final int batchRows;
    private final TableValidator table;
    private final RowValidator validator;

    /** @param threads in all: the caller's thread reads and walks, the others check */
    ParallelCellChecks(int threads, int batchRows, TableValidator table, RowValidator validator) {
        this.table = table;
        this.batchRows = batchRows;
        this.workers = Math.max(1, threads - 1);
        // Enough to keep every worker busy while the oldest batch is walked; never more than MAX_IN_FLIGHT, so that a
        // machine of many cores keeps the heap a 1 GB file is checked in (-Xmx256m).
        this.inFlight = Math.min(2 * workers + 1, MAX_IN_FLIGHT);
        this.validator = validator;
    }

    void walk(TableSource source, RowWalk walk) throws IOException, UnreadableRowException {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "quality-cells-" + pool + "-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ArrayDeque<Submitted> pending = new ArrayDeque<>();
        List<TableRow> batch = new ArrayList<>(batchRows);
        try {
            while (true) {
                TableRow row;
                try {
                    row = source.next();
                } catch (Throwable readingFailure) {
                    // On one thread, the rows read before the failure were walked before it surfaced: the same here.
                    walkAll(pending, batch, walk);
                    throw readingFailure;
                }
                if (row == null) {
                    break;
                }
                batch.add(row);
                if (batch.size() == batchRows) {
                    List<TableRow> full = batch;
                    pending.add(new Submitted(full, executor.submit(() -> precheck(full))));
                    batch = new ArrayList<>(batchRows);
                    if (pending.size() >= inFlight) {
                        walkBatch(pending.poll(), walk);
                    }
                }
            }
            walkAll(pending, batch, walk);
        } finally {
            executor.shutdownNow();
        }
    }

    private void walkAll(ArrayDeque<Submitted> pending, List<TableRow> rest, RowWalk walk) throws IOException {
        while (!pending.isEmpty()) {
            walkBatch(pending.poll(), walk);
        }
        for (TableRow row : rest) {
            walk.row(row, null, null);
        }
    }

    private void walkBatch(Submitted submitted, RowWalk walk) throws IOException {
        PrecheckedRow[] prechecked;
        try {
            prechecked = submitted.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("vérification interrompue");
        } catch (ExecutionException e) {
            // Each row's RuntimeException is kept for its turn (see precheck): only an Error comes here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<TableRow> rows = submitted.rows();
        for (int i = 0; i < rows.size(); i++) {
            walk.row(rows.get(i), prechecked[i], null);
        }
    }

    /** On a worker: the own checks of each data row of {@code rows}; blank rows are left to the walk. */
    private PrecheckedRow[] precheck(List<TableRow> rows) {
        PrecheckedRow[] prechecked = new PrecheckedRow[rows.size()];
        Fingerprinter own = new Fingerprinter();
        for (int i = 0; i < rows.size(); i++) {
            TableRow row = rows.get(i);
            if (!row.isBlank()) {
                prechecked[i] = table.precheck(row, validator, own);
            }
        }
        return prechecked;
    }

    private record Submitted(List<TableRow> rows, Future<PrecheckedRow[]> result) {
    }
}
