package fr.passerelle.quality.engine.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rows read ahead on another thread are the source's rows, in order, ended as the source ends them. */
@Timeout(60)
class ReadAheadTest {

    @Test
    void givesEveryRowInOrderAcrossManySmallBatches() throws Exception {
        Rows source = new Rows(10_000, () -> null);
        List<TableRow> read = new ArrayList<>();
        // Three rows or ten characters a batch, one batch waiting: the reader waits for room most of the time.
        try (TableSource ahead = ReadAhead.of(source, 3, 10, 1)) {
            for (TableRow row = ahead.next(); row != null; row = ahead.next()) {
                read.add(row);
            }
            assertNull(ahead.next(), "the end stays the end");
        }
        assertEquals(source.given, read);
        assertTrue(source.closed.get());
    }

    @Test
    void endsWithTheSourcesFailureAfterTheRowsBeforeIt() throws Exception {
        UnreadableRowException unreadable = new UnreadableRowException(42, new IllegalStateException("guillemet"));
        IOException io = new IOException("disque");
        IllegalArgumentException unforeseen = new IllegalArgumentException("inattendu");
        List<Ending> endings = List.of(() -> {
            throw unreadable;
        }, () -> {
            throw io;
        }, () -> {
            throw unforeseen;
        });
        List<Exception> failures = List.of(unreadable, io, unforeseen);
        for (int i = 0; i < endings.size(); i++) {
            Exception failure = failures.get(i);
            Rows source = new Rows(41, endings.get(i));
            List<TableRow> read = new ArrayList<>();
            try (TableSource ahead = ReadAhead.of(source, 4, 1_000, 2)) {
                Exception thrown = assertThrows(Exception.class, () -> {
                    for (TableRow row = ahead.next(); row != null; row = ahead.next()) {
                        read.add(row);
                    }
                });
                assertSame(failure, thrown);
            }
            assertEquals(source.given, read, failure.toString());
        }
    }

    @Test
    void readsOnlyAFewBatchesAheadOfTheCaller() throws Exception {
        Rows source = new Rows(100_000, () -> null);
        try (TableSource ahead = ReadAhead.of(source, 5, 1_000, 2)) {
            ahead.next();
            Thread.sleep(300);
            // Two batches waiting, the one being filled, the one handed over: at most 20 rows, never the file.
            assertTrue(source.calls.get() <= 21, () -> "rows read: " + source.calls.get());
        }
    }

    @Test
    void closingEarlyStopsTheReaderBeforeClosingTheSource() throws Exception {
        Rows source = new Rows(Long.MAX_VALUE, () -> null);
        TableSource ahead = ReadAhead.of(source, 2, 1_000, 1);
        assertEquals(1, ahead.next().number());
        ahead.close();
        assertTrue(source.closed.get());
        assertFalse(source.readAfterClose.get(), "the source was read after it was closed");
        long calls = source.calls.get();
        Thread.sleep(100);
        assertEquals(calls, source.calls.get(), "the reader goes on reading after close");
    }

    @Test
    void aBatchClosesOnItsCharactersAsWellAsOnItsRows() throws Exception {
        // Rows of 1,000 characters and batches of 1,500: two rows a batch whatever the row limit, so a file of long
        // rows cannot pile up hundreds of them; with one batch waiting, at most four batches exist at a time.
        Rows source = new Rows(1_000, () -> null, "x".repeat(1_000));
        try (TableSource ahead = ReadAhead.of(source, 1_000, 1_500, 1)) {
            ahead.next();
            Thread.sleep(300);
            assertTrue(source.calls.get() <= 9, () -> "rows read: " + source.calls.get());
        }
    }

    @Test
    void givesWhatWasPreparedOfEachRowWithItAndLeavesTheSourceOpen() throws Exception {
        Rows source = new Rows(10_000, () -> null);
        Thread caller = Thread.currentThread();
        AtomicBoolean onCaller = new AtomicBoolean();
        List<TableRow> read = new ArrayList<>();
        try (ReadAhead ahead = ReadAhead.preparing(source, row -> {
            onCaller.compareAndSet(false, Thread.currentThread() == caller);
            return row.number() % 7 == 0 ? null : row.cell(1) + " pour " + row.number();
        }, 3, 10, 1)) {
            assertNull(ahead.prepared(), "nothing read yet");
            for (TableRow row = ahead.next(); row != null; row = ahead.next()) {
                read.add(row);
                assertEquals(row.number() % 7 == 0 ? null : row.number() * row.number() + " pour " + row.number(),
                        ahead.prepared());
            }
        }
        assertEquals(source.given, read);
        assertFalse(onCaller.get(), "rows were prepared on the caller's thread");
        assertFalse(source.closed.get(), "closing the rows read ahead closed a source its caller still holds");
    }

    @Test
    void aPreparationThatThrowsEndsTheRowsThereAfterTheRowsBeforeIt() throws Exception {
        Rows source = new Rows(100, () -> null);
        IllegalStateException broken = new IllegalStateException("préparation");
        List<TableRow> read = new ArrayList<>();
        try (ReadAhead ahead = ReadAhead.preparing(source, row -> {
            if (row.number() == 42) {
                throw broken;
            }
            return row.number();
        }, 4, 1_000, 2)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                for (TableRow row = ahead.next(); row != null; row = ahead.next()) {
                    read.add(row);
                    assertEquals(row.number(), ahead.prepared());
                }
            });
            assertSame(broken, thrown);
        }
        assertEquals(source.given.subList(0, 41), read);
    }

    /** How a source ends after its rows: null, or an exception. */
    private interface Ending {
        TableRow end() throws IOException, UnreadableRowException;
    }

    /** {@code count} rows of two cells, then {@code ending}; counts and checks how it is used. */
    private static final class Rows implements TableSource {

        private final long count;
        private final Ending ending;
        private final String text;
        final List<TableRow> given = new ArrayList<>();
        final AtomicLong calls = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean readAfterClose = new AtomicBoolean();

        Rows(long count, Ending ending) {
            this(count, ending, null);
        }

        Rows(long count, Ending ending, String text) {
            this.count = count;
            this.ending = ending;
            this.text = text;
        }

        @Override
        public TableRow next() throws IOException, UnreadableRowException {
            readAfterClose.compareAndSet(false, closed.get());
            long n = calls.incrementAndGet();
            if (n > count) {
                return ending.end();
            }
            TableRow row = new TableRow(n, List.of(text != null ? text : "ligne " + n, Long.toString(n * n)));
            if (given.size() < 1_000_000) {
                given.add(row);
            }
            return row;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }
}
