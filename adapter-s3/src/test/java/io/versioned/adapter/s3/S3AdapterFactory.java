package io.versioned.adapter.s3;

import io.versioned.core.port.BlobPort;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.KitPart;
import io.versioned.testsupport.Outage;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The kit's stores on s3proxy over HTTP, one new bucket per test: the port under test runs on a client of its own
 * whose {@link Outage} breaks the store; another client is a port on a second new client. This module takes part in
 * {@link KitPart#BLOB_PORT} only (the repository-level suites run on S3 in {@code versioned-aws}); s3proxy keeps no
 * tags.
 */
final class S3AdapterFactory implements AdapterFactory {

    private final Supplier<S3BlobConfig> configs;
    private final Outage outage = new Outage();
    private S3Client client;
    private S3Client otherClient;
    private S3BlobConfig config;

    /** @param configs the configuration of each port under test, for a fresh bucket on the shared server */
    S3AdapterFactory(Supplier<S3BlobConfig> configs) {
        this.configs = configs;
    }

    @Override
    public Set<KitPart> parts() {
        return Set.of(KitPart.BLOB_PORT);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.STORE_FAILURE);
    }

    @Override
    public BlobPort createBlobPort() {
        S3Fixture.requireConditionalWrites();
        client = S3Fixture.client(outage);
        config = configs.get();
        return new S3BlobPort(client, config);
    }

    @Override
    public BlobPort openAnotherBlobPort() {
        otherClient = S3Fixture.client();
        return new S3BlobPort(otherClient, config);
    }

    @Override
    public void breakStore() {
        outage.begin();
    }

    @Override
    public void release() {
        if (client != null) {
            client.close();
        }
        if (otherClient != null) {
            otherClient.close();
        }
    }
}
