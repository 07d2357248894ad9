package io.versioned.adapter.s3;

import io.versioned.testsupport.S3ProxyServer;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/** The shared s3proxy server of the test JVM, unique buckets, and configurations and clients pointing at it. */
final class S3Fixture {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static boolean serverChecked;

    private S3Fixture() {
    }

    static S3ProxyServer server() {
        return S3ProxyServer.shared();
    }

    /**
     * Fails unless the server refuses {@code If-None-Match: *} on an existing key with 412: without that, every
     * put-if-absent test would pass without protecting anything. Checked once per JVM.
     */
    static synchronized void requireConditionalWrites() {
        if (serverChecked) {
            return;
        }
        String bucket = uniqueBucket();
        try (S3Client client = server().client()) {
            client.createBucket(b -> b.bucket(bucket));
            S3ProxyServer.assertEnforcesConditionalWrites(client, bucket);
            client.deleteBucket(b -> b.bucket(bucket));
        }
        serverChecked = true;
    }

    /** A bucket name no other test uses. */
    static String uniqueBucket() {
        return String.format(Locale.ROOT, "versioned-test-%d-%s", BUCKETS.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    /** A configuration for a fresh bucket on the shared server. */
    static S3BlobConfig.Builder config() {
        return config(uniqueBucket());
    }

    /** A configuration for {@code bucket} on the shared server. */
    static S3BlobConfig.Builder config(String bucket) {
        return S3BlobConfig.builder()
                .region(S3ProxyServer.REGION)
                .bucket(bucket)
                .endpointOverride(server().endpoint())
                .pathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
    }

    /** A new client for the shared server with the given interceptors; the caller closes it. */
    static S3Client client(ExecutionInterceptor... interceptors) {
        return server().clientBuilder()
                .overrideConfiguration(o -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        o.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }
}
