package io.versioned.aws;

import io.versioned.tck.RepositoryContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link RepositoryContract} on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table per
 * test; the integrity tests corrupt objects by overwriting them with the raw S3 client.
 */
class AwsRepositoryTest extends RepositoryContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return AwsTestStores.freshPorts();
    }

    @Override
    protected void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        AwsTestStores.overwrite(ports, key, bytes);
    }
}
