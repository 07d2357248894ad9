package io.versioned.core;

import io.versioned.api.BackendException;
import io.versioned.api.IntegrityException;
import io.versioned.api.VersionedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Hands out the bytes of a stored version and checks, when the end of the stream is reached, that they have
 * the recorded SHA-256 and size; a mismatch throws {@link IntegrityException} from {@code read}. A store
 * failure while reading surfaces as {@link BackendException}. Closing it closes the store's stream.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final InputStream source;
    private final HashingInputStream hashing;
    private final String expectedSha256;
    private final long expectedSize;
    private final String description;
    private boolean verified;

    VerifyingInputStream(InputStream source, String expectedSha256, long expectedSize, String description) {
        this(source, new HashingInputStream(source, true), expectedSha256, expectedSize, description);
    }

    private VerifyingInputStream(InputStream source, HashingInputStream hashing, String expectedSha256,
                                 long expectedSize, String description) {
        super(hashing);
        this.source = source;
        this.hashing = hashing;
        this.expectedSha256 = expectedSha256;
        this.expectedSize = expectedSize;
        this.description = description;
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
        } catch (VersionedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException("reading " + description + " failed: " + e.getMessage(), e, true);
        }
        if (n < 0) {
            verifyOnce();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } finally {
            hashing.close();
        }
    }

    private void verifyOnce() {
        if (verified) {
            return;
        }
        verified = true;
        String actual = hashing.sha256();
        long count = hashing.count();
        if (!actual.equals(expectedSha256) || (expectedSize >= 0 && count != expectedSize)) {
            throw new IntegrityException("the bytes of " + description + " do not match their record: expected sha256 "
                    + expectedSha256 + (expectedSize >= 0 ? " and " + expectedSize + " bytes" : "") + ", read sha256 "
                    + actual + " and " + count + " bytes");
        }
    }
}
