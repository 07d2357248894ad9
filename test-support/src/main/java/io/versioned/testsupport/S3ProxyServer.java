package io.versioned.testsupport;

import java.net.URI;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An s3proxy server with an in-memory (transient) blob store, running inside the test JVM on
 * {@code 127.0.0.1} at a free port, speaking the S3 wire protocol over real HTTP with AWS signature
 * checks. Buckets and objects live only as long as the server.
 *
 * <p>Starting takes about a second, so test suites normally use {@link #shared()}, one server per JVM.
 * A server made by {@link #start()} belongs to its caller, who closes it.
 *
 * <p>Known limits of s3proxy 4.1 (see docs/testing.md, "The servers"): no object tagging (501); checksums sent as trailers are not
 * echoed back; {@code If-None-Match} on CopyObject is ignored (the copy overwrites an existing target), while
 * {@code x-amz-copy-source-if-match} and conditional CompleteMultipartUpload are enforced; SSE-KMS without a key
 * id is refused (400).
 */
public final class S3ProxyServer implements AutoCloseable {

    /** The access key the server accepts; {@link #client()} and {@link #clientBuilder()} use it. */
    public static final String ACCESS_KEY = "versioned-test-access-key";
    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "versioned-test-secret-key";
    /** The region clients should sign for. */
    public static final Region REGION = Region.US_EAST_1;

    private static S3ProxyServer shared;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final boolean isShared;

    private S3ProxyServer(S3Proxy proxy, URI endpoint, boolean isShared) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.isShared = isShared;
    }

    /**
     * Starts a new server owned by the caller.
     *
     * @throws IllegalStateException if the server does not start
     */
    public static S3ProxyServer start() {
        return start(false);
    }

    /**
     * The server shared by the whole test JVM, started on the first call and stopped by a JVM shutdown hook.
     * Thread-safe. Its {@link #close()} does nothing; tests isolate themselves with their own buckets.
     *
     * @throws IllegalStateException if the server does not start
     */
    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            S3ProxyServer server = start(true);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "s3proxy-shutdown"));
            shared = server;
        }
        return shared;
    }

    private static S3ProxyServer start(boolean isShared) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            waitUntilStarted(proxy);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            IllegalStateException failure = new IllegalStateException("s3proxy did not start", e);
            try {
                proxy.stop();
            } catch (Exception stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
        return new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), isShared);
    }

    private static void waitUntilStarted(S3Proxy proxy) throws InterruptedException {
        for (int attempt = 0; attempt < 500 && !"STARTED".equals(proxy.getState()); attempt++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("s3proxy is in state " + proxy.getState());
        }
    }

    /** The server's base URI, {@code http://127.0.0.1:PORT}, for {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A client builder set up for this server: endpoint override, path-style addressing, region
     * {@link #REGION} and the server's static credentials. Callers may add interceptors or other settings.
     */
    public S3ClientBuilder clientBuilder() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    /** A new client for this server (see {@link #clientBuilder()}); the caller closes it. */
    public S3Client client() {
        return clientBuilder().build();
    }

    /**
     * Checks that the server behind {@code client} enforces conditional writes: a {@code PutObject} with
     * {@code If-None-Match: *} on an existing key must fail with HTTP 412. Writes and then deletes a probe
     * object in {@code bucket}, which must exist.
     *
     * @throws IllegalStateException if the conditional put is accepted or fails with another status
     */
    public static void assertEnforcesConditionalWrites(S3Client client, String bucket) {
        String key = "conditional-write-probe-" + UUID.randomUUID();
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("first"));
        try {
            client.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*"), RequestBody.fromString("second"));
            throw new IllegalStateException("the S3 server at bucket " + bucket
                    + " ignored If-None-Match: * on an existing key; conditional writes are not enforced");
        } catch (S3Exception e) {
            if (e.statusCode() != 412) {
                throw new IllegalStateException("the conditional write probe in bucket " + bucket
                        + " failed with HTTP " + e.statusCode() + " instead of 412", e);
            }
        } finally {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        }
    }

    /** Stops the server, unless it is the {@link #shared()} one, whose shutdown hook stops it. */
    @Override
    public void close() {
        if (!isShared) {
            stop();
        }
    }

    private void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping s3proxy at " + endpoint + " failed", e);
        }
    }
}
