package io.versioned.aws;

import io.versioned.tck.InputPropertyContract;
import io.versioned.tck.StorePorts;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random input at every API method, on the S3-only backend (blobs and records in one bucket on s3proxy, over HTTP),
 * a fresh bucket per property; few tries, since each costs dozens of requests.
 */
class S3OnlyInputPropertyTest extends InputPropertyContract {

    @BeforeContainer
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Override
    protected StorePorts createPorts() {
        return S3OnlyTestStores.freshPorts();
    }

    @Override
    protected int tries() {
        return 30;
    }
}
