package io.versioned.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.core.VersionedCoreModule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL + folder backend ({@link PostgresModule}) with a database server that cannot be reached (a closed
 * port on the loopback interface): every public {@link Repository} method must fail with a retryable
 * {@link BackendException} that keeps the driver's {@link SQLException} in its cause chain, never with a JDBC,
 * Jdbi, pool or I/O exception; only {@code close} succeeds, since closing the pool needs no server.
 */
class UnreachableDatabaseTest {

    private static final String NAME = "app";

    @TempDir
    Path temp;

    private JdbcConfig server;

    @BeforeEach
    void closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        server = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/versioned")
                .user("versioned").password("secret").maximumPoolSize(2)
                .connectionTimeout(Duration.ofMillis(250)).build();
    }

    @Test
    void everyRepositoryMethodFailsWithARetryableBackendExceptionThatKeepsTheDriversCause() throws IOException {
        Path newFile = Files.write(temp.resolve("new.bin"), RepositoryCalls.bytes("new bytes three"));
        List<RepositoryCalls.Call> calls = RepositoryCalls.every(new RepositoryCalls.Fixture(NAME, newFile,
                temp.resolve("downloaded.bin"), RepositoryCalls.bytes("latest"), 1));
        Repository repository = Guice.createInjector(new VersionedCoreModule(),
                new PostgresModule(server, temp.resolve("blobs"))).getInstance(Repository.class);

        Map<String, RepositoryCalls.Outcome> outcomes = RepositoryCalls.runAll(calls, repository);

        Map<String, String> expected = new LinkedHashMap<>();
        calls.forEach(call -> expected.put(call.label(), "BackendException(retryable=true)"));
        expected.put("close()", "returned");
        Map<String, String> actual = new LinkedHashMap<>();
        outcomes.forEach((label, outcome) -> actual.put(label, outcome.describe()));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(actual).as("outcome of each call").containsExactlyEntriesOf(expected);
        outcomes.forEach((label, outcome) -> {
            if (outcome.failure() != null) {
                softly.assertThat(outcome.failure().getCause()).as("cause of %s", label).isNotNull();
                softly.assertThat(FailureChains.contains(outcome.failure(), SQLException.class))
                        .as("%s keeps the driver's SQLException in its cause chain: %s", label,
                                FailureChains.describe(outcome.failure()))
                        .isTrue();
            }
        });
        softly.assertAll();
        assertThat(calls.stream().map(RepositoryCalls.Call::signature))
                .containsAll(RepositoryCalls.publicMethods());
    }

    @Test
    void openingABootstrappedRepositoryFailsWithARetryableBackendException() {
        Path blobs = temp.resolve("blobs");

        assertThatThrownBy(() -> VersionedEmbedded.repository(server, blobs))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.isRetryable()).as(FailureChains.describe(e)).isTrue();
                    assertThat(FailureChains.contains(e, SQLException.class)).as(FailureChains.describe(e)).isTrue();
                });
    }
}
