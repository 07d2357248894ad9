package io.versioned.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.CliHarness.Result;
import io.versioned.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on {@code jdbc:postgresql://...?blobs=DIR}, against a real PostgreSQL server ({@link PostgresServer#shared()}),
 * in a fresh schema.
 */
class PostgresRepositoryTest {

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness(new ProviderRepositoryFactory(Map.of()));
    private final PostgresServer.Schema schema = PostgresServer.shared().freshSchema();

    @AfterEach
    void dropSchema() {
        PostgresServer.shared().drop(schema);
    }

    private Result ok(String repo, String... args) {
        List<String> all = new ArrayList<>(List.of("--repo", repo));
        all.addAll(List.of(args));
        Result result = cli.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    @Test
    void putPublishAliasAndGetAcrossInvocations() throws IOException {
        String repo = schema.jdbcUrl() + "&blobs=" + dir.resolve("blobs");
        Path file = Files.writeString(dir.resolve("config.tar"), "configuration bundle");

        ok(repo, "put", "config", file.toString());
        ok(repo, "publish", "config");
        ok(repo, "alias", "set", "config", "production", "1");

        assertThat(ok(repo, "names").out()).isEqualTo("config\n");
        assertThat(new String(ok(repo, "resolve", "config", "production", "-o", "-").binary(), UTF_8))
                .isEqualTo("configuration bundle");
        assertThat(dir.resolve("blobs").resolve("config").resolve("000001")).isRegularFile();
        assertThat(ok(repo, "fsck", "--json").json().get("intact").asBoolean()).isTrue();
    }
}
