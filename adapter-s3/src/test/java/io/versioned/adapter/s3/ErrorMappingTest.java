package io.versioned.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.BlobUpload;
import io.versioned.core.port.PreconditionFailedException;
import io.versioned.testsupport.S3ProxyServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Store failures become BackendException (retryable or not), failed preconditions PreconditionFailedException. */
class ErrorMappingTest {

    private static URI deadEndpoint;
    private S3Client client;

    @BeforeAll
    static void stopAServer() {
        S3Fixture.requireConditionalWrites();
        try (S3ProxyServer stopped = S3ProxyServer.start()) {
            deadEndpoint = stopped.endpoint();
        }
    }

    @BeforeEach
    void setUp() {
        client = S3Fixture.client();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void anUnreachableEndpointIsARetryableBackendFailure() {
        S3BlobConfig config = S3Fixture.config().endpointOverride(deadEndpoint)
                .taggingSupport(FeatureSupport.DISABLED).build();
        try (S3BlobPort blobs = S3BlobPort.create(config)) {
            assertRetryable(() -> blobs.open("doc/000001"), config.bucket());
            assertRetryable(() -> put(blobs, "doc/000001"), config.bucket());
            assertRetryable(() -> blobs.list(""), config.bucket());
            assertRetryable(blobs::bootstrap, config.bucket());
        }
    }

    @Test
    void aMissingBucketIsANonRetryableBackendFailureNamingBucketAndKey() {
        S3BlobConfig config = S3Fixture.config().taggingSupport(FeatureSupport.DISABLED).build();
        S3BlobPort blobs = new S3BlobPort(client, config);

        assertThatThrownBy(() -> put(blobs, "doc/000001"))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("s3://" + config.bucket() + "/versioned-artifacts/doc/000001")
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        assertThatThrownBy(() -> blobs.open("doc/000001")).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> blobs.list("")).isInstanceOf(BackendException.class);
        assertThatThrownBy(() -> blobs.delete("doc/000001")).isInstanceOf(BackendException.class);
    }

    @Test
    void wrongCredentialsAreANonRetryableBackendFailure() {
        S3BlobConfig config = S3Fixture.config()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("nobody", "wrong")))
                .build();
        try (S3BlobPort blobs = S3BlobPort.create(config)) {
            assertThatThrownBy(blobs::bootstrap)
                    .isInstanceOf(BackendException.class)
                    .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        }
    }

    @Test
    void statusCodesMapToTheRightPortException() {
        assertThat(S3Errors.translate(s3Error(412, "PreconditionFailed"), "PutObject", "s3://b/k"))
                .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("s3://b/k");
        assertThat(retryable(s3Error(503, "SlowDown"))).isTrue();
        assertThat(retryable(s3Error(500, "InternalError"))).isTrue();
        assertThat(retryable(s3Error(429, "TooManyRequests"))).isTrue();
        assertThat(retryable(s3Error(400, "RequestTimeout"))).isTrue();
        assertThat(retryable(s3Error(409, "ConditionalRequestConflict"))).isTrue();
        assertThat(retryable(s3Error(403, "AccessDenied"))).isFalse();
        assertThat(retryable(s3Error(404, "NoSuchBucket"))).isFalse();
        assertThat(retryable(s3Error(400, "InvalidArgument"))).isFalse();
        assertThat(retryable(SdkClientException.create("connection reset"))).isTrue();
        assertThat(retryable(AbortedException.create("interrupted"))).isFalse();
        Thread.interrupted();
    }

    private static boolean retryable(software.amazon.awssdk.core.exception.SdkException e) {
        RuntimeException mapped = S3Errors.translate(e, "GetObject", "s3://b/k");
        assertThat(mapped).isInstanceOf(BackendException.class).hasCause(e);
        return ((BackendException) mapped).isRetryable();
    }

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    private static void assertRetryable(Executable call, String bucket) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(bucket)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).as("retryable").isTrue());
    }

    private static void put(S3BlobPort blobs, String key) {
        blobs.put(key, new ByteArrayInputStream(new byte[] {1}),
                new BlobUpload(1, Optional.empty(), "application/octet-stream", Map.of()));
    }
}
