package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.testsupport.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code versioned serve} as users run it: the shaded jar ({@link JarCli#JAR}) with {@code java -jar} in a child
 * process, on a free port, with a tokens file; for the integration tests of the server and the console. The
 * repository is created first with {@code versioned init} by the same jar.
 */
final class ServedJar implements AutoCloseable {

    static final String ADMIN_TOKEN = "admin-9f2c1e7b5a3d4c6e8f01";
    static final String READ_TOKEN = "read-4b8d2f6a1c3e5d7f9a02";
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Pattern LISTENING = Pattern.compile("on http://[^:]+:(\\d+)/");

    private final Process process;
    private final Path out;
    private final Path err;
    private final URI base;

    private ServedJar(Process process, Path out, Path err, URI base) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.base = base;
    }

    /**
     * Initializes the repository at {@code uri} and serves it.
     *
     * @param dir        a working folder for the child's files (tokens, output)
     * @param uri        the repository URI
     * @param jvmOptions options of the child JVM, e.g. {@code -Xmx256m}
     * @param serveArgs  extra options of {@code serve}
     */
    static ServedJar start(Path dir, String uri, List<String> jvmOptions, String... serveArgs)
            throws IOException, InterruptedException {
        Path tokens = dir.resolve("tokens.txt");
        Files.writeString(tokens, "# scopes: admin writes, read only reads\nadmin " + ADMIN_TOKEN + "\nread "
                + READ_TOKEN + "\n", StandardCharsets.UTF_8);
        Process init = builder(dir, uri, List.of("-XX:TieredStopAtLevel=1"), List.of("init"))
                .redirectOutput(dir.resolve("init.out").toFile()).redirectError(dir.resolve("init.err").toFile())
                .start();
        assertThat(init.waitFor(120, TimeUnit.SECONDS)).as("init finished").isTrue();
        assertThat(init.exitValue()).as(Files.readString(dir.resolve("init.err"))).isZero();

        List<String> serve = new ArrayList<>(List.of("serve", "--port", "0", "--tokens", tokens.toString()));
        serve.addAll(List.of(serveArgs));
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("serve.err");
        Process process = builder(dir, uri, jvmOptions, serve).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = LISTENING.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (matcher.find()) {
                return new ServedJar(process, out, err, URI.create("http://127.0.0.1:" + matcher.group(1)));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("versioned serve did not start:\n" + Files.readString(out) + Files.readString(err));
    }

    private static ProcessBuilder builder(Path dir, String uri, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JarCli.JAR.toString(), "--repo", uri));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("VERSIONED_")
                || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        environment.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
        environment.put("AWS_CONFIG_FILE", dir.resolve("no-aws-config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-aws-credentials").toString());
        return builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
    URI base() {
        return base;
    }

    /** Everything the server printed on standard output and standard error so far. */
    String output() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Stops the server as Ctrl-C does (SIGTERM) and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
