package io.versioned.core;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SHA-256 of bytes fed in order, computed on a thread of its own once they exceed {@link #INLINE_LIMIT}, so that
 * hashing a large stream overlaps reading it and writing it (the network, the disk) instead of adding to them.
 * Smaller content is hashed on the caller's thread, with no thread started. Fed bytes are copied into at most
 * {@value #CHUNKS} reusable chunks of {@value #CHUNK_SIZE} bytes, so memory stays bounded whatever the size; when
 * the hashing thread lags, {@link #update} waits for it. Not thread-safe: one caller feeds it, then asks for
 * {@link #hex()} once; {@link #close()} stops the hashing thread of a stream abandoned before its end.
 */
final class OverlappedSha256 implements AutoCloseable {

    /** Bytes hashed on the caller's thread before the hashing thread starts: 4 MiB. */
    static final long INLINE_LIMIT = 4L * 1024 * 1024;

    private static final int CHUNK_SIZE = 256 * 1024;
    private static final int CHUNKS = 8;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** A filled chunk; {@code length} -1 marks the end. */
    private record Chunk(byte[] bytes, int length) {
    }

    private final MessageDigest digest = Sha256.newDigest();
    private long inline;
    private BlockingQueue<Chunk> full;
    private BlockingQueue<byte[]> free;
    private Thread hasher;
    private int chunksMade;
    private byte[] current;
    private int filled;

    /**
     * Hashes {@code length} bytes of {@code bytes} from {@code offset}, after those fed before.
     *
     * @throws InterruptedIOException if the caller is interrupted while the hashing thread lags (its interrupt
     *                                status is kept)
     */
    void update(byte[] bytes, int offset, int length) throws InterruptedIOException {
        if (hasher == null && inline + length <= INLINE_LIMIT) {
            digest.update(bytes, offset, length);
            inline += length;
            return;
        }
        if (hasher == null) {
            start();
        }
        int position = offset;
        int remaining = length;
        while (remaining > 0) {
            if (current == null) {
                current = takeFree();
                filled = 0;
            }
            int n = Math.min(remaining, CHUNK_SIZE - filled);
            System.arraycopy(bytes, position, current, filled, n);
            filled += n;
            position += n;
            remaining -= n;
            if (filled == CHUNK_SIZE) {
                hand(new Chunk(current, filled));
                current = null;
            }
        }
    }

    /**
     * The SHA-256 of every byte fed, as 64 lower-case hex characters; waits for the hashing thread to finish.
     *
     * @throws InterruptedIOException if the caller is interrupted while waiting (its interrupt status is kept)
     */
    String hex() throws InterruptedIOException {
        if (hasher != null) {
            if (current != null) {
                hand(new Chunk(current, filled));
                current = null;
            }
            hand(new Chunk(null, -1));
            try {
                hasher.join();
            } catch (InterruptedException e) {
                throw interrupted();
            }
            hasher = null;
        }
        return Sha256.hex(digest);
    }

    /** Stops the hashing thread, if one runs; the digest is then incomplete. Idempotent. */
    @Override
    public void close() {
        if (hasher != null) {
            hasher.interrupt();
            hasher = null;
        }
    }

    private void start() {
        full = new ArrayBlockingQueue<>(CHUNKS);
        free = new ArrayBlockingQueue<>(CHUNKS);
        hasher = new Thread(this::hashChunks, "versioned-sha256-" + THREADS.incrementAndGet());
        hasher.setDaemon(true);
        hasher.start();
    }

    /** The hashing thread: digests chunks in order until the end mark, handing each chunk back for reuse. */
    private void hashChunks() {
        try {
            for (Chunk chunk = full.take(); chunk.length() >= 0; chunk = full.take()) {
                digest.update(chunk.bytes(), 0, chunk.length());
                free.add(chunk.bytes());
            }
        } catch (InterruptedException e) {
            // stopped by close(): the stream was abandoned
        }
    }

    private byte[] takeFree() throws InterruptedIOException {
        byte[] chunk = free.poll();
        if (chunk != null) {
            return chunk;
        }
        if (chunksMade < CHUNKS) {
            chunksMade++;
            return new byte[CHUNK_SIZE];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private void hand(Chunk chunk) throws InterruptedIOException {
        try {
            full.put(chunk);
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    private InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        close();
        return new InterruptedIOException("interrupted while hashing");
    }
}
