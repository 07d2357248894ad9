package io.versioned.core;

import io.versioned.api.BackendException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * Passes bytes through (content to a blob store, a stored version to a reader) while counting them and, when asked,
 * computing their SHA-256 ({@link OverlappedSha256}: for large content on a thread of its own, overlapping the
 * transfer), and remembers a failure of the underlying stream so that a failed put can tell a content error from a
 * store error. Content whose SHA-256 is known before the upload is not hashed here: the blob store verifies it (the
 * contract of {@link io.versioned.core.port.BlobPort#put}), so hashing here too would hash every byte twice.
 * {@link #close()} stops the hashing, not the underlying stream, which belongs to the caller.
 */
final class HashingInputStream extends FilterInputStream {

    private final OverlappedSha256 digest;
    private long count;
    private volatile Exception readFailure;

    /** @param hash whether to compute the SHA-256 ({@link #sha256()}) */
    HashingInputStream(InputStream in, boolean hash) {
        super(in);
        this.digest = hash ? new OverlappedSha256() : null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            readFailure = e;
            throw e;
        }
        if (n > 0) {
            if (digest != null) {
                digest.update(buffer, offset, n);
            }
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes out of the digest");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Stops the hashing of content abandoned before its end; the underlying stream belongs to the caller. */
    @Override
    public void close() {
        if (digest != null) {
            digest.close();
        }
    }

    /** What the underlying stream threw, checked or not; null when it has not failed. */
    Exception readFailure() {
        return readFailure;
    }

    long count() {
        return count;
    }

    /**
     * The SHA-256 of the bytes read; only when made to hash.
     *
     * @throws BackendException if the thread is interrupted while the hashing finishes (its interrupt status is kept)
     */
    String sha256() {
        if (digest == null) {
            throw new IllegalStateException("this stream was made not to hash");
        }
        try {
            return digest.hex();
        } catch (InterruptedIOException e) {
            throw new BackendException("interrupted while hashing the bytes", e, false);
        }
    }
}
