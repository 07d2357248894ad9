package io.versioned.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Guice;
import io.versioned.api.ArtifactNotFoundException;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.core.VersionedCoreModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every repository operation logs one debug line through SLF4J (here bound to logback, capturing every event of the
 * {@code io.versioned} loggers at debug) naming the operation, the artifact, the version, the alias and the duration;
 * normal operations log nothing at info or above, and no content, metadata or routing key reaches the log.
 */
class RepositoryLoggingTest {

    private final Logger versioned = (Logger) LoggerFactory.getLogger("io.versioned");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = versioned.getLevel();
        versioned.setLevel(Level.DEBUG);
        events.start();
        versioned.addAppender(events);
    }

    @AfterEach
    void release() {
        versioned.detachAppender(events);
        versioned.setLevel(previousLevel);
    }

    @Test
    void everyOperationOfAnOpenedRepositoryLogsNameVersionAliasAndDurationAtDebug() {
        try (Repository repository = Versioned.open("memory:")) {
            repository.putArtifact("model", "secret-content".getBytes(StandardCharsets.UTF_8),
                    PutOptions.builder().metadata(Map.of("token", "secret-metadata")).build());
            repository.publishArtifactVersion("model");
            repository.putArtifact("model", "two".getBytes(StandardCharsets.UTF_8));
            repository.publishArtifactVersion("model");
            repository.putAlias("model", "production", Version.of(1));
            repository.putAlias("model", "production", Version.of(2), Version.of(1), 10);
            repository.resolve("model", "production", "secret-routing-key");
            repository.getContent("model", Version.of(2));
            repository.listArtifactVersions("model");
            repository.getAliasHistory("model", "production");
            repository.deleteAlias("model", "production");
            repository.deleteArtifactVersion("model", Version.of(1));
            repository.purgeArtifactVersions("model", 1, Duration.ZERO);
        }

        assertThat(lines()).containsExactly(
                "putArtifact name=model version=LATEST alias=- took T ms",
                "publishArtifactVersion name=model version=1 alias=- took T ms",
                "putArtifact name=model version=LATEST alias=- took T ms",
                "publishArtifactVersion name=model version=2 alias=- took T ms",
                "putAlias name=model version=1 alias=production took T ms",
                "putAlias name=model version=2 (10% to 1) alias=production took T ms",
                "resolve name=model version=2 alias=production took T ms",
                "getContent name=model version=2 alias=- took T ms",
                "listArtifactVersions name=model version=- alias=- took T ms",
                "getAliasHistory name=model version=- alias=production took T ms",
                "deleteAlias name=model version=- alias=production took T ms",
                "deleteArtifactVersion name=model version=1 alias=- took T ms",
                "purgeArtifactVersions name=model version=[1] alias=- took T ms",
                "close name=- version=- alias=- took T ms");
        assertThat(events.list).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).doesNotContain("secret");
        });
    }

    @Test
    void aFailedOperationLogsItsExceptionTypeAtDebugAndNothingAbove() {
        try (Repository repository = Versioned.open("memory:")) {
            assertThatThrownBy(() -> repository.getArtifactVersion("missing", Version.of(3)))
                    .isInstanceOf(ArtifactNotFoundException.class);
        }

        assertThat(lines()).containsExactly(
                "getArtifactVersion name=missing version=3 alias=- failed in T ms: ArtifactNotFoundException",
                "close name=- version=- alias=- took T ms");
        assertThat(events.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
    }

    @Test
    void aNameWithAControlCharacterIsLoggedOnOneLine() {
        try (Repository repository = Versioned.open("memory:")) {
            assertThatThrownBy(() -> repository.getArtifactVersion("bad\nname"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        assertThat(lines()).first().asString().startsWith("getArtifactVersion name=bad\\u000aname version=LATEST");
    }

    @Test
    void aRepositoryFromTheGuiceModuleLogsToo() {
        Repository repository = Guice.createInjector(new VersionedCoreModule(), new InMemoryModule())
                .getInstance(Repository.class);
        repository.bootstrap();
        repository.putArtifact("model", "bytes".getBytes(StandardCharsets.UTF_8));

        assertThat(lines()).containsExactly("bootstrap name=- version=- alias=- took T ms",
                "putArtifact name=model version=LATEST alias=- took T ms");
    }

    @Test
    void withDebugOffNothingIsLogged() {
        versioned.setLevel(Level.INFO);
        try (Repository repository = Versioned.open("memory:")) {
            repository.putArtifact("model", "bytes".getBytes(StandardCharsets.UTF_8));
            repository.publishArtifactVersion("model");
        }

        assertThat(events.list).isEmpty();
    }

    /** The logged lines, each duration (milliseconds with three decimals) replaced by {@code T}. */
    private List<String> lines() {
        return events.list.stream().map(ILoggingEvent::getFormattedMessage)
                .map(line -> line.replaceFirst(" (took|failed in) \\d+\\.\\d{3} ms", " $1 T ms")).toList();
    }
}
