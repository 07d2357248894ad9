package io.versioned.aws;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;

/**
 * The kit's repository-level suites on S3 (s3proxy) + DynamoDB (dynalite) over HTTP, a fresh bucket and table per
 * test, through the single entry point.
 */
class AwsAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AwsStoresFactory(AwsTestStores::freshPorts);
    }
}
