package io.versioned.adapter.inmemory;

import com.google.inject.AbstractModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.util.UUID;

/**
 * Binds both ports to fresh in-memory stores. Each injector built with this module gets its own empty
 * repository.
 */
public final class InMemoryModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(BlobPort.class).toInstance(new InMemoryBlobPort(UUID.randomUUID().toString()));
        bind(MetadataPort.class).toInstance(new InMemoryMetadataPort());
    }
}
