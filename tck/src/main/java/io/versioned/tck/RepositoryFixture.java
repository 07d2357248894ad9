package io.versioned.tck;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.multibindings.OptionalBinder;
import io.versioned.api.Repository;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.time.Clock;

/**
 * Composes a {@link Repository} the way applications do, from {@link VersionedCoreModule} and a module binding
 * the two ports, with a {@link TestClock}.
 */
public final class RepositoryFixture {

    private RepositoryFixture() {
    }

    /** A bootstrapped repository on {@code ports}, reading time from {@code clock}. */
    public static Repository repository(StorePorts ports, Clock clock) {
        Repository repository = compose(ports, clock);
        repository.bootstrap();
        return repository;
    }

    /** A repository on {@code ports}, reading time from {@code clock}, without bootstrapping the stores. */
    public static Repository compose(StorePorts ports, Clock clock) {
        return Guice.createInjector(new VersionedCoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(BlobPort.class).toInstance(ports.blobs());
                bind(MetadataPort.class).toInstance(ports.metadata());
                OptionalBinder.newOptionalBinder(binder(), Clock.class).setBinding().toInstance(clock);
            }
        }).getInstance(Repository.class);
    }
}
