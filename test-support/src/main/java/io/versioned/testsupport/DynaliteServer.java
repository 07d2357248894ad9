package io.versioned.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * A dynalite DynamoDB server (npm {@code dynalite} 4.0.0, in memory) running as a child process on
 * {@code 127.0.0.1} and a free port, for tests that talk real HTTP to DynamoDB.
 *
 * <p>The node folder (the one holding {@code node_modules/dynalite/cli.js}, installed by this module's Maven
 * build with {@code npm ci --ignore-scripts}) is the system property {@value #DIR_PROPERTY} if set, otherwise
 * the first {@code test-support/src/main/node} found walking up from the working directory. {@code node} is
 * taken from the {@code PATH}. Tables become ACTIVE at once (the server runs with {@code --createTableMs 0},
 * {@code --deleteTableMs 0}, {@code --updateTableMs 0}).
 *
 * <p>Use {@link #shared()} for one server per JVM (stopped by a shutdown hook), or {@link #start()} for a
 * private one that the caller closes. Thread-safe.
 */
public final class DynaliteServer implements AutoCloseable {

    /** System property naming the folder that holds {@code node_modules/dynalite/cli.js}. */
    public static final String DIR_PROPERTY = "versioned.dynalite.dir";

    private static final Logger LOG = LoggerFactory.getLogger(DynaliteServer.class);
    private static final String CLI = "node_modules/dynalite/cli.js";
    private static final Path NODE_DIR_IN_REPO = Path.of("test-support", "src", "main", "node");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int START_ATTEMPTS = 3;

    private static DynaliteServer shared;

    private final Process process;
    private final Path output;
    private final URI endpoint;

    private DynaliteServer(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * The JVM-wide server, started on first use and stopped when the JVM exits.
     *
     * @throws IllegalStateException if dynalite cannot be found or does not start
     */
    public static synchronized DynaliteServer shared() {
        if (shared == null) {
            DynaliteServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-shutdown"));
            shared = server;
        }
        return shared;
    }

    /**
     * Starts a new server; the caller must {@link #close()} it. Returns once the port accepts connections.
     *
     * @throws IllegalStateException if dynalite cannot be found, the process dies while starting (the message
     *                               holds its output), or the port does not open within 30 seconds
     */
    public static DynaliteServer start() {
        Path nodeDir = locateNodeDir();
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(nodeDir, freePort());
            } catch (PortTakenException e) {
                // another process took the port between choosing it and dynalite binding it: choose again
                last = e;
            }
        }
        throw last;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * A client builder set up for this server: endpoint override, region {@code us-east-1}, static dummy
     * credentials. Callers may add interceptors or other settings before building.
     */
    public DynamoDbClientBuilder clientBuilder() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")));
    }

    /** A new client for this server (see {@link #clientBuilder()}); the caller closes it. */
    public DynamoDbClient client() {
        return clientBuilder().build();
    }

    /**
     * Stops the process: a normal termination, then a forced one if it has not exited after a grace period.
     * Idempotent.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            LOG.debug("could not delete dynalite output file {}", output, e);
        }
    }

    private static DynaliteServer startOnce(Path nodeDir, int port) {
        Path output = createOutputFile();
        List<String> command = List.of("node", CLI, "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(nodeDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start dynalite with " + String.join(" ", command) + " in "
                    + nodeDir + " (is node on the PATH?)", e);
        }
        DynaliteServer server = new DynaliteServer(process, output, port);
        server.awaitPort(port);
        LOG.info("dynalite started at {} (pid {})", server.endpoint, process.pid());
        return server;
    }

    private void awaitPort(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = readOutput();
                close();
                if (log.contains("EADDRINUSE")) {
                    throw new PortTakenException("dynalite could not bind port " + port + ": " + log);
                }
                throw new IllegalStateException("dynalite exited with code " + process.exitValue()
                        + " before opening port " + port + "; its output:\n" + log);
            }
            if (accepts(port)) {
                return;
            }
            sleep(Duration.ofMillis(50));
        }
        String log = readOutput();
        close();
        throw new IllegalStateException("dynalite did not open port " + port + " within " + START_TIMEOUT
                + "; its output:\n" + log);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String readOutput() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private static Path locateNodeDir() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            if (!Files.isRegularFile(dir.resolve(CLI))) {
                throw new IllegalStateException(DIR_PROPERTY + "=" + configured + " holds no " + CLI
                        + "; run 'npm ci --ignore-scripts' there");
            }
            return dir;
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NODE_DIR_IN_REPO);
            if (Files.isRegularFile(candidate.resolve(CLI))) {
                return candidate;
            }
        }
        throw new IllegalStateException("dynalite not found: no " + NODE_DIR_IN_REPO.resolve(CLI)
                + " in " + start + " or its parents. Build test-support first (mvn -f test-support/pom.xml"
                + " install runs 'npm ci --ignore-scripts'), or set -D" + DIR_PROPERTY
                + "=<folder holding node_modules/dynalite>");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static Path createOutputFile() {
        try {
            return Files.createTempFile("dynalite", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the dynalite output file", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite to start", e);
        }
    }

    /** Dynalite died because its port was taken; {@link #start()} tries another port. */
    private static final class PortTakenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String message) {
            super(message);
        }
    }
}
