package io.versioned.tck;

/**
 * A point in the path from a port to its store where the {@link MetadataPortContract} puts another client's
 * write between two requests of one port call, to catch a compare-and-set done as a read and then a write. The
 * adapter's test wires {@link #beforeRequest()} into the port it returns from
 * {@link MetadataPortContract#createMetadataPort()} (an SDK interceptor, a wrapped data source, a decorator),
 * so it runs before every request that port sends to its store; the contract arms the gate. Thread-safe.
 */
public final class StoreGate {

    /** How long a request waits for the interleaved write before it goes on (a store that locks makes it wait). */
    private static final long GRACE_MILLIS = 2_000;
    private static final long FINISH_MILLIS = 60_000;

    private int skip = -1;
    private Runnable action;
    private Thread running;

    /**
     * Called before each request the port under test sends to its store. When the gate is armed and this is the
     * chosen request, runs the interleaved write on another thread and waits for it (at most a grace period,
     * since a store that holds a lock for this call makes the write wait until the call is done).
     */
    public void beforeRequest() {
        Thread started;
        synchronized (this) {
            if (action == null || skip-- > 0) {
                return;
            }
            started = new Thread(action, "interleaved-write");
            action = null;
            running = started;
        }
        started.start();
        try {
            started.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code write} before the port's next request after {@code skip} requests. */
    synchronized void arm(int skip, Runnable write) {
        this.skip = skip;
        this.action = write;
        this.running = null;
    }

    /**
     * Disarms the gate, waits for the interleaved write to end and says whether it ran.
     *
     * @throws AssertionError if the write did not end within a minute
     */
    boolean finish() {
        Thread started;
        synchronized (this) {
            action = null;
            started = running;
        }
        if (started == null) {
            return false;
        }
        try {
            started.join(FINISH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (started.isAlive()) {
            throw new AssertionError("the interleaved write did not end within " + FINISH_MILLIS + " ms");
        }
        return true;
    }
}
