package io.versioned.aws;

import io.versioned.tck.ConcurrencyContract;
import io.versioned.tck.StorePorts;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole {@link ConcurrencyContract} on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table
 * per test. The servers enforce the conditional writes the invariants rest on (probed before the suite).
 */
class AwsConcurrencyTest extends ConcurrencyContract {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return AwsTestStores.freshPorts();
    }
}
