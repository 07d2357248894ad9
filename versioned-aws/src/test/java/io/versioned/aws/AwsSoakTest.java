package io.versioned.aws;

import io.versioned.tck.SoakContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/** The {@link SoakContract} on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table. */
class AwsSoakTest extends SoakContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return AwsTestStores.freshPorts();
    }
}
