package io.versioned.adapter.s3only;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;
import org.junit.jupiter.api.BeforeAll;

/** The whole {@link MetadataPortContract} against s3proxy over HTTP, one new bucket per test. */
class S3OnlyMetadataPortTest extends MetadataPortContract {

    @BeforeAll
    static void serverEnforcesConditionalWrites() {
        TestStores.client();
    }

    @Override
    protected MetadataPort createMetadataPort() {
        return TestStores.newPort();
    }
}
