package io.versioned.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.versioned.api.ReadableRepository;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.Versioned;
import io.versioned.micrometer.MeteredRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VersionedAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VersionedAutoConfiguration.class));

    @TempDir
    Path folder;

    @Test
    void theRepositoryAndItsReadOnlyViewComeFromTheUri() {
        runner.withPropertyValues("versioned.repository=memory:").run(context -> {
            assertThat(context).hasSingleBean(Repository.class).hasSingleBean(RepositoryLayers.class)
                    .doesNotHaveBean(MeteredRepository.class);
            Repository repository = context.getBean(Repository.class);
            ReadableRepository reader = context.getBean(ReadableRepository.class);
            assertThat(reader).isNotInstanceOf(Repository.class);
            repository.putArtifact("model", bytes("one"));
            assertThat(reader.listArtifactNames()).containsExactly("model");
            assertThat(context.getBean(RepositoryLayers.class).cache()).isEmpty();
            assertThat(context.getBean(WatchedArtifacts.class).ids()).isEmpty();
        });
    }

    @Test
    void withoutAUriNothingIsConfigured() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Repository.class)
                .doesNotHaveBean(ReadableRepository.class).doesNotHaveBean(RepositoryLayers.class));
    }

    @Test
    void theApplicationsOwnRepositoryWins() {
        runner.withPropertyValues("versioned.repository=memory:").withUserConfiguration(OwnRepository.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(Repository.class).doesNotHaveBean(RepositoryLayers.class)
                            .doesNotHaveBean(VersionedHealthIndicator.class);
                    assertThat(context.getBean(Repository.class)).isSameAs(context.getBean("ownRepository"));
                    context.getBean(Repository.class).putArtifact("mine", bytes("x"));
                    assertThat(context.getBean(ReadableRepository.class).listArtifactNames()).containsExactly("mine");
                });
    }

    @Test
    void theApplicationsOwnReadableRepositoryWins() {
        runner.withPropertyValues("versioned.repository=memory:").withUserConfiguration(OwnReader.class)
                .run(context -> assertThat(context).hasBean("ownReader").hasBean("versionedRepository")
                        .doesNotHaveBean("versionedReadableRepository"));
    }

    @Test
    void theCacheIsConfiguredFromItsProperties() {
        runner.withPropertyValues("versioned.repository=memory:", "versioned.cache.dir=" + folder,
                "versioned.cache.ttl=5s", "versioned.cache.max-bytes=64MB", "versioned.cache.max-stale=2m")
                .run(context -> {
                    var settings = context.getBean(RepositoryLayers.class).cache().orElseThrow().settings();
                    assertThat(settings.directory()).isEqualTo(folder.toAbsolutePath());
                    assertThat(settings.ttl()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.maxBytes()).isEqualTo(64L * 1024 * 1024);
                    assertThat(settings.maxStale()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void aWatchWithoutACacheFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("versioned.repository=memory:", "versioned.watch.model.name=model",
                "versioned.watch.model.alias=production").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("versioned.watch.model").hasMessageContaining("versioned.cache.dir"));
    }

    @Test
    void aMalformedUriFailsTheStart() {
        runner.withPropertyValues("versioned.repository=nosuchscheme:x").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuchscheme"));
    }

    @Test
    void everyOperationIsMeasuredWhenThereIsAMeterRegistry() {
        runner.withPropertyValues("versioned.repository=memory:").withBean(MeterRegistry.class,
                SimpleMeterRegistry::new).run(context -> {
                    assertThat(context.getBean(Repository.class)).isInstanceOf(MeteredRepository.class);
                    context.getBean(ReadableRepository.class).listArtifactNames();
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("versioned.operations").tags("operation", "listArtifactNames",
                            "backend", "memory", "outcome", "success").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void theHealthIsUpWhileTheStoreAnswersAndDownWhenItFails() {
        runner.withPropertyValues("versioned.repository=embedded:" + folder.resolve("store"),
                "versioned.bootstrap=true").run(context -> {
                    HealthIndicator health = context.getBean("versionedHealthIndicator", HealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health().getDetails()).containsEntry("backend", "embedded");

                    context.getBean(RepositoryLayers.class).store().close();

                    Health down = health.health();
                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails()).containsKey("error");
                });
    }

    @Test
    void theHealthIsDegradedWhileTheCacheServesForAStoreThatFails() {
        Repository seed = Versioned.open("embedded:" + folder.resolve("store"),
                io.versioned.core.spi.RepositoryOptions.builder().bootstrap(true).build());
        seed.putArtifact("model", bytes("one"));
        seed.publishArtifactVersion("model");
        seed.putAlias("model", "production", Version.of(1));
        seed.close();
        runner.withPropertyValues("versioned.repository=embedded:" + folder.resolve("store"),
                "versioned.cache.dir=" + folder.resolve("cache"), "versioned.cache.ttl=0s")
                .run(context -> {
                    ReadableRepository reader = context.getBean(ReadableRepository.class);
                    assertThat(reader.getAlias("model", "production").version()).isEqualTo(Version.of(1));

                    context.getBean(RepositoryLayers.class).store().close();

                    assertThat(reader.getAlias("model", "production").version()).isEqualTo(Version.of(1));
                    Health degraded = context.getBean(VersionedHealthIndicator.class).health();
                    assertThat(degraded.getStatus()).isEqualTo(VersionedHealthIndicator.DEGRADED);
                    assertThat(degraded.getDetails()).containsEntry("staleReads", 1L).containsKey("lastStaleRead");
                });
    }

    @Test
    void withoutSpringBootsHealthModuleThereIsNoHealthIndicator() {
        runner.withPropertyValues("versioned.repository=memory:")
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Repository.class)
                        .doesNotHaveBean(VersionedHealthIndicator.class));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRepository {

        @Bean(destroyMethod = "close")
        Repository ownRepository() {
            return Versioned.open("memory:");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReader {

        @Bean(destroyMethod = "close")
        ReadableRepository ownReader() {
            return Versioned.open("memory:");
        }
    }
}
