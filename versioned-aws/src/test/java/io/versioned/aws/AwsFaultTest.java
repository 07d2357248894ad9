package io.versioned.aws;

import io.versioned.tck.FaultContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link FaultContract} on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table per run.
 */
class AwsFaultTest extends FaultContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return AwsTestStores.freshPorts();
    }
}
