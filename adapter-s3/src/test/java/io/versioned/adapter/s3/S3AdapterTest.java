package io.versioned.adapter.s3;

import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;

/**
 * The kit's blob port contract on s3proxy with blobs under the default prefix. The multipart threshold is lowered to
 * 5 MiB so that the contract's large content goes through the multipart upload.
 */
class S3AdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new S3AdapterFactory(() -> S3Fixture.config()
                .multipartThreshold(S3BlobConfig.MIN_PART_SIZE)
                .partSize(S3BlobConfig.MIN_PART_SIZE)
                .build());
    }
}
