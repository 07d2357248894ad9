package io.versioned.adapter.s3;

/**
 * The blob port contract with blobs under the default prefix. The multipart threshold is lowered to 5 MiB so that
 * the contract's large content goes through the multipart upload.
 */
class S3BlobPortTest extends S3BlobPortContractSuite {

    @Override
    protected S3BlobConfig config() {
        return S3Fixture.config()
                .multipartThreshold(S3BlobConfig.MIN_PART_SIZE)
                .partSize(S3BlobConfig.MIN_PART_SIZE)
                .build();
    }
}
