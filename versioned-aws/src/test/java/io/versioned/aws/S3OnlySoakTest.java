package io.versioned.aws;

import io.versioned.tck.SoakContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The {@link SoakContract} on the S3-only backend (blobs and records in one bucket and prefix on s3proxy, over HTTP),
 * a fresh bucket.
 */
class S3OnlySoakTest extends SoakContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return S3OnlyTestStores.freshPorts();
    }
}
