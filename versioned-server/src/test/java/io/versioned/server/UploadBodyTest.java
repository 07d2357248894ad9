package io.versioned.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.core.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadBodyTest {

    private static final byte[] CONTENT = "some bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyWithTheExpectedDigestReadsToItsEnd() throws IOException {
        UploadBody body = new UploadBody(new ByteArrayInputStream(CONTENT), 100, Optional.of(Sha256.of(CONTENT)));
        assertThat(body.readAllBytes()).isEqualTo(CONTENT);
        assertThat(body.read()).isEqualTo(-1);
        assertThat(body.rejection()).isEmpty();
    }

    @Test
    void anotherDigestFailsTheLastReadAndEveryReadAfter() {
        UploadBody body = new UploadBody(new ByteArrayInputStream(CONTENT), 100, Optional.of("0".repeat(64)));
        assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
        assertThat(body.rejection()).hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(412));
        assertThatThrownBy(body::read).isInstanceOf(IOException.class);
    }

    @Test
    void moreThanTheLimitFailsTheRead() {
        UploadBody body = new UploadBody(new ByteArrayInputStream(CONTENT), CONTENT.length - 1, Optional.empty());
        assertThatThrownBy(body::readAllBytes).isInstanceOf(IOException.class);
        assertThat(body.rejection()).hasValueSatisfying(problem -> assertThat(problem.code())
                .isEqualTo("payload_too_large"));
    }
}
