package io.versioned.adapter.s3only;

import io.versioned.testsupport.LinearizableIfMatch;
import io.versioned.testsupport.S3ProxyServer;
import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fresh, isolated stores on the JVM's shared s3proxy server: a new bucket per call. The first use checks that
 * the server enforces conditional writes, so no test can pass against a server that ignores them.
 */
final class TestStores {

    /** The prefix the tests use unless they test prefixes. */
    static final String PREFIX = S3MetadataConfig.DEFAULT_PREFIX;

    private static S3Client client;

    private TestStores() {
    }

    /**
     * The shared client (path-style, static test credentials, {@link LinearizableIfMatch}), after the probe
     * that the server refuses {@code If-None-Match: *} on an existing key passed.
     */
    static synchronized S3Client client() {
        if (client == null) {
            S3Client created = server().clientBuilder()
                    .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(
                            new LinearizableIfMatch()))
                    .build();
            String probeBucket = newBucket(created);
            S3ProxyServer.assertEnforcesConditionalWrites(created, probeBucket);
            client = created;
        }
        return client;
    }

    /** A client of the shared server with {@link LinearizableIfMatch} and {@code interceptors}; the caller closes it. */
    static S3Client client(ExecutionInterceptor... interceptors) {
        client();
        return server().clientBuilder().overrideConfiguration(configuration -> {
            configuration.addExecutionInterceptor(new LinearizableIfMatch());
            for (ExecutionInterceptor interceptor : interceptors) {
                configuration.addExecutionInterceptor(interceptor);
            }
        }).build();
    }

    static S3ProxyServer server() {
        return S3ProxyServer.shared();
    }

    /** A new, empty bucket. */
    static String newBucket() {
        return newBucket(client());
    }

    /** A bucket name that does not exist yet. */
    static String unusedBucketName() {
        return "s3only-" + UUID.randomUUID().toString().toLowerCase(Locale.ROOT).replace("-", "").substring(0, 20);
    }

    /** A port on a new, empty bucket under {@link #PREFIX}, on the shared client. */
    static S3OnlyMetadataPort newPort() {
        return new S3OnlyMetadataPort(client(), newBucket(), PREFIX);
    }

    private static String newBucket(S3Client s3) {
        String bucket = unusedBucketName();
        s3.createBucket(request -> request.bucket(bucket));
        return bucket;
    }
}
