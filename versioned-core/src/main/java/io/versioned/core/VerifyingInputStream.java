package io.versioned.core;

import io.versioned.api.BackendException;
import io.versioned.api.IntegrityException;
import io.versioned.api.VersionedException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hands out the bytes of a stored version and checks, when the end of the stream is reached, that they have
 * the recorded SHA-256 and size; a mismatch throws {@link IntegrityException} from {@code read}. A store
 * failure while reading surfaces as {@link BackendException}.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final MessageDigest digest = Sha256.newDigest();
    private final String expectedSha256;
    private final long expectedSize;
    private final String description;
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, String expectedSha256, long expectedSize, String description) {
        super(in);
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
        if (n > 0) {
            digest.update(buffer, offset, n);
            count += n;
        } else if (n < 0) {
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
    public boolean markSupported() {
        return false;
    }

    private void verifyOnce() {
        if (verified) {
            return;
        }
        verified = true;
        String actual = Sha256.hex(digest);
        if (!actual.equals(expectedSha256) || (expectedSize >= 0 && count != expectedSize)) {
            throw new IntegrityException("the bytes of " + description + " do not match their record: expected sha256 "
                    + expectedSha256 + (expectedSize >= 0 ? " and " + expectedSize + " bytes" : "") + ", read sha256 "
                    + actual + " and " + count + " bytes");
        }
    }
}
