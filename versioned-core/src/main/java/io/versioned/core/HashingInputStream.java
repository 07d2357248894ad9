package io.versioned.core;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes the content through to a blob store while counting its bytes and, when asked, computing their SHA-256, and
 * remembers a failure of the underlying stream so that a failed put can tell a content error from a store error.
 * Content whose SHA-256 is known before the upload is not hashed here: the blob store verifies it (the contract of
 * {@link io.versioned.core.port.BlobPort#put}), so hashing here too would hash every byte twice.
 */
final class HashingInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private long count;
    private volatile Exception readFailure;

    /** @param hash whether to compute the SHA-256 ({@link #sha256()}) */
    HashingInputStream(InputStream in, boolean hash) {
        super(in);
        this.digest = hash ? Sha256.newDigest() : null;
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

    /** The SHA-256 of the bytes read; only when made to hash. */
    String sha256() {
        if (digest == null) {
            throw new IllegalStateException("this stream was made not to hash");
        }
        return Sha256.hex(digest);
    }
}
