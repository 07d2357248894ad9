package io.versioned.aws;

import io.versioned.tck.InputPropertyContract;
import io.versioned.tck.StorePorts;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random input at every API method, on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table per
 * property; few tries, since each costs dozens of requests.
 */
class AwsInputPropertyTest extends InputPropertyContract {

    @BeforeContainer
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return AwsTestStores.freshPorts();
    }

    @Override
    protected int tries() {
        return 30;
    }
}
