package io.versioned.bench.streaming;

import io.versioned.testsupport.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * An s3proxy server like {@link S3ProxyServer} (same credentials, region, {@code 127.0.0.1} and a free port), but
 * keeping its objects in files under a folder instead of in memory: the shared test server would hold every byte of
 * a 1 GiB object (twice while a multipart upload completes) in this JVM's heap. Owned by its caller, who closes it.
 */
final class FileStoreS3Server implements AutoCloseable {

    private static final int START_POLLS = 500;

    private final S3Proxy proxy;
    private final URI endpoint;

    private FileStoreS3Server(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * Starts a server storing its buckets in {@code folder} (created if missing).
     *
     * @throws IOException           if the folder cannot be created
     * @throws IllegalStateException if the server does not start
     */
    static FileStoreS3Server start(Path folder) throws IOException {
        Files.createDirectories(folder);
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", S3ProxyServer.ACCESS_KEY);
        properties.setProperty("jclouds.credential", S3ProxyServer.SECRET_KEY);
        properties.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY,
                        S3ProxyServer.SECRET_KEY)
                .build();
        try {
            proxy.start();
            for (int poll = 0; poll < START_POLLS && !"STARTED".equals(proxy.getState()); poll++) {
                Thread.sleep(10);
            }
            if (!"STARTED".equals(proxy.getState())) {
                throw new IllegalStateException("s3proxy is in state " + proxy.getState());
            }
            return new FileStoreS3Server(proxy);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            IllegalStateException failure = new IllegalStateException("s3proxy on " + folder + " did not start", e);
            try {
                proxy.stop();
            } catch (Exception stopFailure) {
                failure.addSuppressed(stopFailure);
            }
            throw failure;
        }
    }

    /** The server's base URI, {@code http://127.0.0.1:PORT}. */
    URI endpoint() {
        return endpoint;
    }

    /** Stops the server; its files stay in the folder. */
    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
