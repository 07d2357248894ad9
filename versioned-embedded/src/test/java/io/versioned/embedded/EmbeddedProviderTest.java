package io.versioned.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Repository;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.testsupport.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URIs of {@link EmbeddedProvider}: {@code embedded:DIR} and {@code jdbc:postgresql://...?blobs=DIR}. */
class EmbeddedProviderTest {

    @TempDir
    Path dir;

    @Test
    void embeddedTakesADirectoryMadeAbsolute() {
        RepositoryLocation uri = Versioned.location("embedded:./.versioned");

        assertThat(uri).isEqualTo(new EmbeddedProvider.Embedded(Path.of(".versioned").toAbsolutePath()));
        assertThat(uri).hasToString("embedded:" + Path.of(".versioned").toAbsolutePath());
        assertThat(uri.bootstrapsImplicitly()).isTrue();
    }

    @Test
    void embeddedExpandsTheHomeDirectory() {
        EmbeddedProvider.Embedded uri = (EmbeddedProvider.Embedded) Versioned.location("embedded:~/repo");
        assertThat(uri.directory()).isEqualTo(Path.of(System.getProperty("user.home"), "repo"));
    }

    @Test
    void jdbcKeepsItsParametersTakesTheBlobFolderAndMasksThePassword() {
        EmbeddedProvider.Postgres uri = (EmbeddedProvider.Postgres) Versioned.location(
                "jdbc:postgresql://db.local:5432/versioned?user=app&blobs=/var/blobs&password=secret");

        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5432/versioned?user=app&password=secret");
        assertThat(uri.blobDirectory()).isEqualTo(Path.of("/var/blobs"));
        assertThat(uri.toString()).contains("password=***").doesNotContain("secret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "embedded:|embedded: needs a directory",
        "jdbc:postgresql://host/db|jdbc: needs a blob folder",
        "jdbc:postgresql://host/db?password=secret|jdbc: needs a blob folder",
        "jdbc:mysql://host/db?blobs=/x|jdbc: must look like jdbc:postgresql",
        "jdbc:mysql://host/db?password=secret&blobs=/x|jdbc: must look like jdbc:postgresql"
    })
    void refusesMalformedUrisNamingTheRuleWithoutEchoingSecrets(String text, String problem) {
        assertThatThrownBy(() -> Versioned.location(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: ").hasMessageContaining(problem).hasMessageNotContaining("secret");
    }

    @Test
    void openBootstrapsWhenAskedAndKeepsTheEmbeddedLayout() {
        try (Repository repository = Versioned.open("embedded:" + dir,
                RepositoryOptions.builder().bootstrap(true).build())) {
            repository.putArtifact("model", "weights".getBytes(StandardCharsets.UTF_8));
            repository.publishArtifactVersion("model");
        }
        assertThat(dir.resolve("metadata.mv.db")).isRegularFile();
        assertThat(dir.resolve("blobs/model/000001")).isRegularFile();

        try (Repository reopened = Versioned.open("embedded:" + dir)) {
            assertThat(reopened.getContent("model", io.versioned.api.Version.of(1)))
                    .isEqualTo("weights".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void jdbcOpensOnTheServerOfTheUri() {
        PostgresServer.Schema schema = PostgresServer.shared().freshSchema();
        try (Repository repository = Versioned.open(schema.jdbcUrl() + "&blobs=" + dir,
                RepositoryOptions.builder().bootstrap(true).build())) {
            repository.putArtifact("model", "weights".getBytes(StandardCharsets.UTF_8));
            assertThat(repository.publishArtifactVersion("model").version().number()).isEqualTo(1);
        } finally {
            PostgresServer.shared().drop(schema);
        }
        assertThat(dir.resolve("model/000001")).isRegularFile();
    }

    @Test
    void jdbcUsesTheApplicationsDataSourceInsteadOfTheUrisServer() throws Exception {
        DataSource pool = PostgresServer.shared().dataSource();
        RepositoryOptions options = RepositoryOptions.builder().bootstrap(true)
                .component(DataSource.class, pool).build();
        try (Repository repository = Versioned.open("jdbc:postgresql://unused.invalid/none?blobs=" + dir, options)) {
            repository.putArtifact("handed-in", "bytes".getBytes(StandardCharsets.UTF_8));
            assertThat(repository.listArtifactNames()).contains("handed-in");
        }
        try (Connection stillOpen = pool.getConnection()) {
            assertThat(stillOpen.isValid(5)).as("the application's data source stays open").isTrue();
        }
    }

    @Test
    void openWithoutBootstrapCreatesNoBlobFolder() {
        Path folder = dir.resolve("fresh");
        Versioned.open("embedded:" + folder).close();
        assertThat(Files.exists(folder.resolve("blobs"))).isFalse();
    }
}
