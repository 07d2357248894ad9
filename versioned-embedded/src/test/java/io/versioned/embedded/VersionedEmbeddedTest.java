package io.versioned.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.adapter.filesystem.FilesystemBlobPort;
import io.versioned.adapter.jdbc.JdbcConfig;
import io.versioned.adapter.jdbc.JdbcMetadataPort;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.testsupport.PostgresServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The modules bind what they promise, the conveniences give ready repositories, and bad arguments are refused. */
class VersionedEmbeddedTest {

    @TempDir
    Path temp;

    @Test
    void theEmbeddedModuleBindsFilesystemBlobsAndAnH2DatabaseUnderOneFolder() {
        Path folder = temp.resolve("repository");
        EmbeddedModule module = new EmbeddedModule(folder);
        Injector injector = Guice.createInjector(new VersionedCoreModule(), module);
        try (Repository repository = injector.getInstance(Repository.class)) {
            BlobPort blobs = injector.getInstance(BlobPort.class);
            MetadataPort metadata = injector.getInstance(MetadataPort.class);

            assertThat(blobs).isInstanceOf(FilesystemBlobPort.class);
            assertThat(metadata).isSameAs(injector.getInstance(JdbcMetadataPort.class));
            assertThat(Path.of(URI.create(blobs.uri("doc/000001"))))
                    .isEqualTo(folder.toAbsolutePath().resolve("blobs").resolve("doc").resolve("000001"));
            assertThat(module.database().jdbcUrl()).startsWith("jdbc:h2:file:" + folder.toAbsolutePath()
                    .resolve("metadata"));

            repository.bootstrap();
            repository.putArtifact("doc", bytes("composed"));
            assertThat(metadata.listArtifactNames()).containsExactly("doc");
        }
    }

    @Test
    void thePostgresConvenienceGivesABootstrappedRepositoryWhoseDataOutlivesIt() {
        PostgresServer.Schema schema = PostgresServer.shared().freshSchema();
        JdbcConfig config = PostgresSchemaConfig.of(schema);
        Path blobs = temp.resolve("blobs");
        try {
            try (Repository repository = VersionedEmbedded.repository(config, blobs)) {
                repository.putArtifact("doc", bytes("shared"));
                repository.publishArtifactVersion("doc");
                repository.putAlias("doc", "production", Version.of(1));
            }
            assertThat(blobs.resolve("doc").resolve("000001")).hasBinaryContent(bytes("shared"));

            try (Repository reopened = VersionedEmbedded.repository(config, blobs)) {
                assertThat(reopened.getContent("doc", Version.of(1))).isEqualTo(bytes("shared"));
                assertThat(reopened.resolve("doc", "production").version()).isEqualTo(Version.of(1));
            }
        } finally {
            PostgresServer.shared().drop(schema);
        }
    }

    @Test
    void thePostgresModuleBindsFilesystemBlobsInTheGivenFolder() {
        JdbcConfig server = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://db.example:5432/versioned").build();
        PostgresModule module = new PostgresModule(server, temp.resolve("blobs"));
        Injector injector = Guice.createInjector(module);
        try (JdbcMetadataPort metadata = injector.getInstance(JdbcMetadataPort.class)) {
            assertThat(injector.getInstance(MetadataPort.class)).isSameAs(metadata);
            assertThat(Path.of(URI.create(injector.getInstance(BlobPort.class).uri("doc/000001"))))
                    .isEqualTo(temp.toAbsolutePath().resolve("blobs").resolve("doc").resolve("000001"));
            assertThat(module.server()).isSameAs(server);
            assertThat(module.blobDirectory()).isEqualTo(temp.toAbsolutePath().resolve("blobs"));
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsANonRetryableBackendException() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "not a folder");

        assertThatThrownBy(() -> VersionedEmbedded.repository(file))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isFalse());
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void anUnreachableServerIsARetryableBackendException() throws IOException {
        JdbcConfig unreachable = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:" + freePort() + "/nothing")
                .connectionTimeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(() -> VersionedEmbedded.repository(unreachable, temp.resolve("blobs")))
                .isInstanceOf(BackendException.class)
                .satisfies(e -> assertThat(((BackendException) e).isRetryable()).isTrue());
    }

    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        JdbcConfig server = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://db.example/versioned").build();

        assertThatThrownBy(() -> new EmbeddedModule(null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("directory:");
        assertThatThrownBy(() -> VersionedEmbedded.repository((Path) null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("directory:");
        assertThatThrownBy(() -> new PostgresModule(null, temp))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("server:");
        assertThatThrownBy(() -> new PostgresModule(server, null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("blobDirectory:");
        assertThatThrownBy(() -> VersionedEmbedded.repository(null, temp))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("server:");
    }

    @Test
    void aDatabaseOtherThanPostgresqlIsRefusedByThePostgresModule() {
        JdbcConfig h2 = JdbcConfig.embeddedH2(temp);

        assertThatThrownBy(() -> new PostgresModule(h2, temp))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("server:").hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void theEmbeddedModuleTakesAConnectionTimeout() {
        EmbeddedModule module = new EmbeddedModule(temp, Duration.ofSeconds(3));

        assertThat(module.database().connectionTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(module.database().jdbcUrl()).isEqualTo(new EmbeddedModule(temp).database().jdbcUrl());
        assertThat(new EmbeddedModule(temp).database().connectionTimeout())
                .isEqualTo(JdbcConfig.DEFAULT_CONNECTION_TIMEOUT);
        assertThatThrownBy(() -> new EmbeddedModule(temp, Duration.ofMillis(10)))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("connectionTimeout:");
    }

    @Test
    void aFolderWhosePathContainsASemicolonIsRefused() {
        assertThatThrownBy(() -> new EmbeddedModule(temp.resolve("a;b")))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("directory:");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
