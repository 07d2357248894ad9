package io.versioned.aws;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;

/**
 * The kit's repository-level suites on S3 (s3proxy) + DynamoDB (dynalite) configured
 * {@code sharedWithPython(false)}: without the copy of LATEST to {@code {name}/LATEST}, and with the artifact names
 * from the name index in DynamoDB, every rule still holds.
 */
class AwsNotSharedWithPythonAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AwsStoresFactory(AwsTestStores::freshPortsNotSharedWithPython);
    }
}
