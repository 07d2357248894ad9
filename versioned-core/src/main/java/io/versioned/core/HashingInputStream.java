package io.versioned.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes the content through to a blob store while computing its SHA-256 and size, and remembers a failure
 * of the underlying stream so that a failed put can tell a content error from a store error.
 */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private volatile Exception readFailure;

    HashingInputStream(InputStream in) {
        super(in);
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
            digest.update(buffer, offset, n);
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

    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    /** What the underlying stream threw, checked or not; null when it has not failed. */
    Exception readFailure() {
        return readFailure;
    }

    long count() {
        return count;
    }

    String sha256() {
        return Sha256.hex(digest);
    }
}
