package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.BlobUpload;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3BlobModuleTest {

    @BeforeAll
    static void checkServer() {
        S3Fixture.requireConditionalWrites();
    }

    @Test
    void bindsOneS3BlobPortPerInjectorBuiltFromTheConfiguration() {
        S3BlobConfig config = S3Fixture.config().build();
        Injector injector = Guice.createInjector(new S3BlobModule(config));

        BlobPort blobs = injector.getInstance(BlobPort.class);
        try (S3BlobPort port = injector.getInstance(S3BlobPort.class)) {
            assertThat(blobs).isSameAs(port);
            assertThat(port.config()).isEqualTo(config);

            blobs.bootstrap();
            blobs.put("doc/000001", new ByteArrayInputStream(new byte[] {4, 2}),
                    new BlobUpload(2, Optional.empty(), "application/octet-stream", Map.of()));

            assertThat(Bytes.readAll(blobs.open("doc/000001").orElseThrow())).containsExactly(4, 2);
            assertThat(blobs.uri("doc/000001")).isEqualTo("s3://" + config.bucket() + "/versioned-artifacts/doc/000001");
        }
    }
}
