package io.versioned.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JdbcConfigTest {

    @Test
    void theBuilderHasDefaultsForEverythingButTheUrl() {
        JdbcConfig config = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://db/versioned").build();

        assertThat(config.user()).isEmpty();
        assertThat(config.password()).isEmpty();
        assertThat(config.maximumPoolSize()).isEqualTo(JdbcConfig.DEFAULT_MAXIMUM_POOL_SIZE);
        assertThat(config.connectionTimeout()).isEqualTo(JdbcConfig.DEFAULT_CONNECTION_TIMEOUT);
    }

    @Test
    void embeddedH2IsAFileDatabaseInTheDirectory() {
        JdbcConfig config = JdbcConfig.embeddedH2(Path.of("relative", ".versioned"));

        String file = Path.of("relative", ".versioned", "metadata").toAbsolutePath().normalize().toString();
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:" + file + ";");
    }

    @Test
    void embeddedH2RefusesADirectoryThatWouldBreakTheUrl() {
        assertThatThrownBy(() -> JdbcConfig.embeddedH2(Path.of("/tmp/a;AUTO_SERVER=TRUE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory");
    }

    @Test
    void toStringHidesThePassword() {
        JdbcConfig config = JdbcConfig.builder().jdbcUrl("jdbc:postgresql://db/versioned").user("app")
                .password("s3cret").build();

        assertThat(config.toString()).doesNotContain("s3cret").contains("app", "jdbc:postgresql://db/versioned");
    }

    @Test
    void toStringShowsWhetherThereIsAPassword() {
        JdbcConfig none = JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").user("sa").build();
        JdbcConfig some = JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").user("sa").password("s3cret").build();

        assertThat(none).hasToString("JdbcConfig[jdbcUrl=jdbc:h2:mem:x, user=sa, password=, maximumPoolSize=10, "
                + "connectionTimeout=PT30S]");
        assertThat(some).hasToString("JdbcConfig[jdbcUrl=jdbc:h2:mem:x, user=sa, password=***, maximumPoolSize=10, "
                + "connectionTimeout=PT30S]");
    }

    @Test
    void theSmallestConnectionTimeoutIsAccepted() {
        JdbcConfig config = JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").connectionTimeout(Duration.ofMillis(250))
                .build();

        assertThat(config.connectionTimeout()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void badValuesAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> JdbcConfig.builder().build()).hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> JdbcConfig.builder().jdbcUrl("postgresql://db").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").user(null).build())
                .hasMessageContaining("user");
        assertThatThrownBy(() -> JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").password(null).build())
                .hasMessageContaining("password");
        assertThatThrownBy(() -> JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").maximumPoolSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumPoolSize");
        assertThatThrownBy(() -> JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").connectionTimeout(Duration.ofMillis(249))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
        assertThatThrownBy(() -> JdbcConfig.builder().jdbcUrl("jdbc:h2:mem:x").connectionTimeout(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
    }

    @Test
    void withConnectionTimeoutKeepsEverythingElse() {
        JdbcConfig config = JdbcConfig.embeddedH2(Path.of("db"));

        JdbcConfig quick = config.withConnectionTimeout(Duration.ofSeconds(2));

        assertThat(quick).isEqualTo(new JdbcConfig(config.jdbcUrl(), config.user(), config.password(),
                config.maximumPoolSize(), Duration.ofSeconds(2)));
        assertThatThrownBy(() -> config.withConnectionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
    }

    @Test
    void aUrlThatNoDriverAcceptsIsRefusedWhenThePortIsOpened() {
        JdbcConfig config = JdbcConfig.builder().jdbcUrl("jdbc:nosuchdatabase://db/versioned").build();

        assertThatThrownBy(() -> JdbcMetadataPort.open(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbcUrl: no JDBC driver", "jdbc:nosuchdatabase://db/versioned");
    }
}
