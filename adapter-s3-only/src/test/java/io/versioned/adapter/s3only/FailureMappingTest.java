package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.api.Version;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 failures leave the port only as {@link BackendException}, retryable exactly when a retry may help. */
class FailureMappingTest {

    @Test
    void aMissingBucketIsANonRetryableFailureNeverAnEmptyResult() {
        S3OnlyMetadataPort port = new S3OnlyMetadataPort(TestStores.client(), TestStores.unusedBucketName(),
                TestStores.PREFIX);

        assertFailure(() -> port.getVersion("doc", Version.LATEST), false);
        assertFailure(() -> port.listArtifactNames(), false);
        assertFailure(() -> port.registerArtifactName("doc"), false);
        assertFailure(() -> port.allocateVersionNumber("doc", 0), false);
    }

    @Test
    void wrongCredentialsAreANonRetryableFailure() {
        String bucket = TestStores.newBucket();
        try (S3Client client = TestStores.server().clientBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("wrong", "wrong")))
                .build()) {
            S3OnlyMetadataPort port = new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);

            assertFailure(() -> port.listVersions("doc"), false);
        }
    }

    @Test
    void serverErrorsAreRetryableFailures() {
        ExecutionInterceptor unavailable = new ExecutionInterceptor() {
            @Override
            public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                                                      ExecutionAttributes attributes) {
                return context.httpResponse().toBuilder().statusCode(503).build();
            }
        };
        String bucket = TestStores.newBucket();
        try (S3Client client = TestStores.server().clientBuilder()
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(unavailable))
                .build()) {
            S3OnlyMetadataPort port = new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);

            assertFailure(() -> port.listAliases("doc"), true);
        }
    }

    @Test
    void anUnreachableEndpointIsARetryableFailure() {
        try (S3Client client = TestStores.server().clientBuilder()
                .endpointOverride(URI.create("http://127.0.0.1:1"))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build()) {
            S3OnlyMetadataPort port = new S3OnlyMetadataPort(client, "some-bucket", TestStores.PREFIX);

            assertFailure(() -> port.listVersions("doc"), true);
            assertFailure(port::bootstrap, true);
        }
    }

    @Test
    void anInterruptedCallIsANonRetryableFailureAndKeepsTheInterruptStatus() {
        S3OnlyMetadataPort port = TestStores.newPort();

        Thread.currentThread().interrupt();
        try {
            assertFailure(() -> port.getVersion("doc", Version.LATEST), false);
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status kept").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(port.getVersion("doc", Version.LATEST)).isEmpty();
    }

    private static void assertFailure(Runnable call, boolean retryable) {
        assertThatThrownBy(call::run).isExactlyInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).as("retryable").isEqualTo(retryable))
                .hasMessageStartingWith("S3 failed to");
    }
}
