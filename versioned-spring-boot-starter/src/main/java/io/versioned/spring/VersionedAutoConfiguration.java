package io.versioned.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.versioned.api.ReadableRepository;
import io.versioned.api.Repository;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Configures a repository from {@code versioned.*} ({@link VersionedProperties}) unless the application defines its
 * own {@link Repository}: the {@link RepositoryLayers} (store, optional cache, metrics when a {@link MeterRegistry}
 * bean exists), the {@link Repository}, a read-only {@link ReadableRepository} (the primary one), the
 * {@link WatchedArtifacts} of {@code versioned.watch.*}, and with Spring Boot's health module the
 * {@link VersionedHealthIndicator} ({@code versioned}). See {@code docs/ecosystem.md}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(VersionedProperties.class)
public class VersionedAutoConfiguration {

    /** Made by Spring. */
    public VersionedAutoConfiguration() {
    }

    /** The repository opened from the properties, when the application has none of its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "versioned", name = "repository")
    @ConditionalOnMissingBean(Repository.class)
    static class RepositoryConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        RepositoryLayers versionedRepositoryLayers(VersionedProperties properties, ObjectProvider<Clock> clock,
                                                   ObjectProvider<MeterRegistry> registry) {
            return new RepositoryLayers(properties, clock.getIfUnique(Clock::systemUTC), registry.getIfUnique());
        }

        /** The outermost layer; closed with the layers. */
        @Bean(destroyMethod = "")
        Repository versionedRepository(RepositoryLayers layers) {
            return layers.repository();
        }

        @Bean(destroyMethod = "close")
        WatchedArtifacts versionedWatchedArtifacts(VersionedProperties properties, RepositoryLayers layers,
                                                   ObjectProvider<MeterRegistry> registry) {
            return new WatchedArtifacts(properties, layers, registry.getIfUnique());
        }

        /** The health of the store and cache, when Spring Boot's health module is there. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(HealthIndicator.class)
        static class HealthConfiguration {

            @Bean
            @ConditionalOnMissingBean(name = "versionedHealthIndicator")
            VersionedHealthIndicator versionedHealthIndicator(RepositoryLayers layers) {
                return new VersionedHealthIndicator(layers);
            }
        }
    }

    /**
     * The read-only view of the repository, the primary {@link ReadableRepository}: a consumer that declares one
     * gets it, and cannot write.
     */
    @Bean
    @Primary
    @ConditionalOnBean(Repository.class)
    @ConditionalOnMissingBean(value = ReadableRepository.class, ignored = Repository.class)
    ReadableRepository versionedReadableRepository(Repository repository) {
        return new ReadOnlyRepository(repository);
    }
}
