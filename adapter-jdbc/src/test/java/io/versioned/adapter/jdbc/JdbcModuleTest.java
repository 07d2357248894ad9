package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.core.port.MetadataPort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcModuleTest {

    @TempDir
    Path directory;

    @Test
    void bindsOneClosablePortOnTheEmbeddedDatabase() {
        Injector injector = Guice.createInjector(new JdbcModule(JdbcConfig.embeddedH2(directory)));
        JdbcMetadataPort port = injector.getInstance(JdbcMetadataPort.class);
        try {
            MetadataPort bound = injector.getInstance(MetadataPort.class);
            bound.bootstrap();
            bound.registerArtifactName("doc");

            assertThat(bound).isSameAs(port);
            assertThat(port.listArtifactNames()).containsExactly("doc");
            assertThat(Files.exists(directory.resolve("metadata.mv.db"))).isTrue();
        } finally {
            port.close();
        }
    }
}
