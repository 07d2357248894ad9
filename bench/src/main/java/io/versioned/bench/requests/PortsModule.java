package io.versioned.bench.requests;

import com.google.inject.AbstractModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;

/** Binds two ports made by the caller (here: on clients with request counters), for {@code VersionedCoreModule}. */
final class PortsModule extends AbstractModule {

    private final BlobPort blobs;
    private final MetadataPort metadata;

    PortsModule(BlobPort blobs, MetadataPort metadata) {
        this.blobs = blobs;
        this.metadata = metadata;
    }

    @Override
    protected void configure() {
        bind(BlobPort.class).toInstance(blobs);
        bind(MetadataPort.class).toInstance(metadata);
    }
}
