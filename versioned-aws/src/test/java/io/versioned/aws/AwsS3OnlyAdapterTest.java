package io.versioned.aws;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;

/**
 * The kit's repository-level suites on the S3-only backend (blobs and records in one bucket and prefix on s3proxy,
 * over HTTP), a fresh bucket per test, through the single entry point.
 */
class AwsS3OnlyAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AwsStoresFactory(S3OnlyTestStores::freshPorts);
    }
}
