package io.versioned.aws;

import io.versioned.tck.ArgumentContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link ArgumentContract} on the S3-only backend (blobs and records in one bucket and prefix on s3proxy, over
 * HTTP), a fresh bucket per test.
 */
class S3OnlyArgumentTest extends ArgumentContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return S3OnlyTestStores.freshPorts();
    }
}
