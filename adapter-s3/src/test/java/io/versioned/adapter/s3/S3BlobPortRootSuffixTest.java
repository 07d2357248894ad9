package io.versioned.adapter.s3;

/**
 * The blob port contract with the other layout: blobs at the bucket root (empty prefix) with a key suffix, as the
 * Python library may lay them out, shared with it ({@link S3BlobConfig#sharedWithPython()}), and the default multipart
 * threshold, so the contract's large content goes in one PutObject.
 */
class S3BlobPortRootSuffixTest extends S3BlobPortContractSuite {

    @Override
    protected S3BlobConfig config() {
        return S3Fixture.config().prefix("").keySuffix(".bin").sharedWithPython(true).build();
    }
}
