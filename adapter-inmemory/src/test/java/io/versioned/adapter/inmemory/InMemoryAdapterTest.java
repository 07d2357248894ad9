package io.versioned.adapter.inmemory;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.StoreGate;
import io.versioned.tck.StorePorts;
import java.util.Set;
import java.util.UUID;

/**
 * The whole kit on the in-memory ports, through the single entry point. The ports are the stores: another client is
 * the same ports. Memory cannot fail and each method is one critical section with no requests to put another write
 * between, so {@link Capability#STORE_FAILURE} and {@link Capability#STORE_GATE} are not claimed. Calls cost
 * microseconds, so the properties run many tries.
 */
class InMemoryAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AdapterFactory() {
            private StorePorts last;

            @Override
            public StorePorts createPorts(StoreGate gate) {
                last = new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), new InMemoryMetadataPort());
                return last;
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.CORRUPTION, Capability.TAGGING);
            }

            @Override
            public StorePorts openAnotherClient() {
                return last;
            }

            @Override
            public void corruptBlob(StorePorts ports, String key, byte[] bytes) {
                ((InMemoryBlobPort) ports.blobs()).corrupt(key, bytes);
            }

            @Override
            public int propertyTries() {
                return 500;
            }
        };
    }
}
