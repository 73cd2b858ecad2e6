package fr.passerelle.quality.engine.read;

/** What the reading threads' owners need of {@link Thread}. */
final class Threads {

    private Threads() {
    }

    /**
     * Waits for {@code thread} to end, however often this thread is interrupted meanwhile (what the other thread
     * holds, a file, is closed only after it), then sets this thread's interrupt flag again if it was interrupted.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
