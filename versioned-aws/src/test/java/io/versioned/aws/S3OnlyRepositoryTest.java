package io.versioned.aws;

import io.versioned.tck.RepositoryContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link RepositoryContract} on the S3-only backend (blobs and records in one bucket and prefix on
 * s3proxy, over HTTP), a fresh bucket per test; the integrity tests corrupt objects by overwriting them with the raw
 * S3 client.
 */
class S3OnlyRepositoryTest extends RepositoryContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return S3OnlyTestStores.freshPorts();
    }

    @Override
    protected void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        AwsTestStores.overwrite(ports, key, bytes);
    }
}
