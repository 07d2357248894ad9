package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** The stream returned by open: no SDK exception type escapes a read, and an early close aborts. */
class ObjectContentStreamTest {

    private final AtomicBoolean aborted = new AtomicBoolean();

    @Test
    void anSdkFailureDuringAReadBecomesABackendException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw SdkClientException.create("connection reset while reading");
            }
        };
        ObjectContentStream stream = stream(failing);

        assertThatThrownBy(stream::read)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("s3://bucket/key")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
        assertThatThrownBy(() -> stream.read(new byte[8], 0, 8)).isInstanceOf(BackendException.class);
    }

    @Test
    void anIoFailureStaysAnIoException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("premature end of body");
            }
        };

        assertThatThrownBy(stream(failing)::read).isInstanceOf(IOException.class);
    }

    @Test
    void closingBeforeTheEndAbortsTheConnection() throws IOException {
        ObjectContentStream stream = stream(new ByteArrayInputStream(new byte[100]));
        stream.read(new byte[10]);

        stream.close();

        assertThat(aborted).isTrue();
    }

    @Test
    void closingAtTheEndDoesNotAbort() throws IOException {
        ObjectContentStream stream = stream(new ByteArrayInputStream(new byte[100]));
        assertThat(stream.readAllBytes()).hasSize(100);

        stream.close();

        assertThat(aborted).isFalse();
    }

    private ObjectContentStream stream(InputStream body) {
        return new ObjectContentStream(new ResponseInputStream<>(GetObjectResponse.builder().build(),
                AbortableInputStream.create(body, () -> aborted.set(true))), "s3://bucket/key");
    }
}
