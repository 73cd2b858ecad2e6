package fr.passerelle.staff.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A form sent twice uploads once. */
class SubmittedUploadsTest {

    @Test
    void aSecondSubmissionWhileTheFirstIsSendingGetsTheSameUpload() throws Exception {
        SubmittedUploads submitted = new SubmittedUploads();
        AtomicInteger uploads = new AtomicInteger();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = clicks.submit(() -> submitted.once("marie/form-1", () -> {
                uploads.incrementAndGet();
                sending.countDown();
                await(release);
                return "upload-1";
            }));
            sending.await(5, TimeUnit.SECONDS);
            Future<String> second = clicks.submit(() -> submitted.once("marie/form-1", () -> {
                uploads.incrementAndGet();
                return "upload-2";
            }));
            release.countDown();
            assertEquals(List.of("upload-1", "upload-1"), List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS)));
            assertEquals(1, uploads.get());
            assertEquals("upload-3", submitted.once("marie/form-2", () -> "upload-3"), "another form is another upload");
        } finally {
            clicks.shutdownNow();
        }
    }

    @Test
    void aFailedSubmissionMayBeSentAgain() {
        SubmittedUploads submitted = new SubmittedUploads();
        assertThrows(IllegalStateException.class, () -> submitted.once("k", () -> {
            throw new IllegalStateException("ingest unreachable");
        }));
        assertEquals("upload-1", submitted.once("k", () -> "upload-1"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
