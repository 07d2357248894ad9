package io.versioned.server;

import io.versioned.core.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A request body streamed into the repository: counts the bytes and fails the read past {@code maxBytes}, and,
 * when the client named the SHA-256 it expects, fails the last read if the bytes have another digest. A failed
 * read fails the put before its record is written, so the content never becomes LATEST; {@link #rejection()}
 * then says why, as the answer to send.
 */
final class UploadBody extends FilterInputStream {

    private final long maxBytes;
    private final Optional<String> expectedSha256;
    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private ApiProblem rejection;
    private boolean ended;

    UploadBody(InputStream in, long maxBytes, Optional<String> expectedSha256) {
        super(in);
        this.maxBytes = maxBytes;
        this.expectedSha256 = expectedSha256;
    }

    /** Why the body was refused, if it was. */
    Optional<ApiProblem> rejection() {
        return Optional.ofNullable(rejection);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (rejection != null) {
            throw new IOException(rejection.getMessage());
        }
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            checkDigest();
            return n;
        }
        count += n;
        if (count > maxBytes) {
            throw reject(new ApiProblem(413, "payload_too_large",
                    "body: must be at most " + maxBytes + " bytes (the server's --max-upload)"));
        }
        if (expectedSha256.isPresent()) {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        return 0;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void checkDigest() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        if (expectedSha256.isPresent()) {
            String actual = Sha256.hex(digest);
            if (!actual.equals(expectedSha256.get())) {
                throw reject(new ApiProblem(412, "sha256_mismatch", "X-Content-SHA256: the body's SHA-256 is "
                        + actual + ", not " + expectedSha256.get() + "; nothing was stored"));
            }
        }
    }

    private IOException reject(ApiProblem problem) {
        rejection = problem;
        return new IOException(problem.getMessage());
    }
}
