package io.versioned.adapter.s3;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The body of a GetObject as a plain {@link InputStream}: SDK failures during a read become
 * {@link io.versioned.api.BackendException}, I/O failures stay {@link IOException}. Closing a stream that was not
 * read to its end aborts the connection instead of draining the rest of the object.
 */
final class ObjectContentStream extends InputStream {

    private final ResponseInputStream<GetObjectResponse> body;
    private final String target;
    private boolean ended;

    ObjectContentStream(ResponseInputStream<GetObjectResponse> body, String target) {
        this.body = body;
        this.target = target;
    }

    @Override
    public int read() throws IOException {
        try {
            int value = body.read();
            ended |= value < 0;
            return value;
        } catch (SdkException e) {
            throw S3Errors.backendRead(e, target);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int count = body.read(buffer, offset, length);
            ended |= count < 0;
            return count;
        } catch (SdkException e) {
            throw S3Errors.backendRead(e, target);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return body.skip(n);
        } catch (SdkException e) {
            throw S3Errors.backendRead(e, target);
        }
    }

    @Override
    public int available() throws IOException {
        try {
            return body.available();
        } catch (SdkException e) {
            throw S3Errors.backendRead(e, target);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (!ended) {
                body.abort();
            }
            body.close();
        } catch (SdkException e) {
            throw S3Errors.backendRead(e, target);
        }
    }
}
