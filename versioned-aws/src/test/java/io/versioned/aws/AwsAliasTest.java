package io.versioned.aws;

import io.versioned.tck.AliasContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link AliasContract} on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table per test.
 */
class AwsAliasTest extends AliasContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return AwsTestStores.freshPorts();
    }
}
