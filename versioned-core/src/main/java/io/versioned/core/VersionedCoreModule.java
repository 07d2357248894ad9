package io.versioned.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.versioned.api.Repository;
import java.time.Clock;

/**
 * Binds {@link Repository} to {@link DefaultRepository}, with every call logged at debug level as
 * {@link Repositories#of} does. Compose it with modules that bind
 * {@link io.versioned.core.port.BlobPort} and {@link io.versioned.core.port.MetadataPort}:
 * {@code Guice.createInjector(new VersionedCoreModule(), new InMemoryModule()).getInstance(Repository.class)}.
 *
 * <p>The clock defaults to {@link Clock#systemUTC()}; override it with
 * {@code OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(clock)}.
 */
public final class VersionedCoreModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), Clock.class).setDefault().toInstance(Clock.systemUTC());
        bind(DefaultRepository.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    Repository repository(DefaultRepository repository) {
        return new LoggingRepository(repository);
    }
}
