package io.versioned.aws;

import io.versioned.tck.FaultContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link FaultContract} on the S3-only backend (blobs and records in one bucket and prefix on s3proxy,
 * over HTTP), a fresh bucket per run.
 */
class S3OnlyFaultTest extends FaultContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return S3OnlyTestStores.freshPorts();
    }
}
