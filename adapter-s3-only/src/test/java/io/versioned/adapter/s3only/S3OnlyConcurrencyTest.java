package io.versioned.adapter.s3only;

import io.versioned.adapter.inmemory.InMemoryBlobPort;
import io.versioned.tck.ConcurrencyContract;
import io.versioned.tck.StorePorts;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository-level {@link ConcurrencyContract} with this MetadataPort on s3proxy, so that the core's real
 * access patterns (8 racing threads on one artifact) run against the per-artifact documents. The bytes are
 * kept by the in-memory BlobPort (test scope only: this adapter depends on no other adapter).
 */
class S3OnlyConcurrencyTest extends ConcurrencyContract {

    @BeforeAll
    static void serverEnforcesConditionalWrites() {
        TestStores.client();
    }

    @Override
    protected StorePorts createPorts() {
        return new StorePorts(new InMemoryBlobPort(UUID.randomUUID().toString()), TestStores.newPort());
    }
}
