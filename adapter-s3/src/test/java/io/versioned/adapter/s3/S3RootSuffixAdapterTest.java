package io.versioned.adapter.s3;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;

/**
 * The kit's blob port contract on s3proxy with the other layout: blobs at the bucket root (empty prefix) with a key
 * suffix, as the Python library may lay them out, shared with it ({@link S3BlobConfig#sharedWithPython()}), and the
 * default multipart threshold, so the contract's large content goes in one PutObject.
 */
class S3RootSuffixAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new S3AdapterFactory(() -> S3Fixture.config().prefix("").keySuffix(".bin").sharedWithPython(true).build());
    }
}
