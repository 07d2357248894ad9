package io.versioned.adapter.s3;

/**
 * Runs clean-up requests (aborting a multipart upload) after a failure that may have been an interruption. The
 * SDK refuses to send any request while the thread's interrupt status is set, so the status is cleared for the
 * clean-up and set again afterwards: the clean-up happens, and the caller still sees the interruption.
 */
final class Uninterrupted {

    private Uninterrupted() {
    }

    /** Runs {@code cleanup} with the interrupt status cleared, restoring the status when it was set. */
    static void run(Runnable cleanup) {
        boolean interrupted = Thread.interrupted();
        try {
            cleanup.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
