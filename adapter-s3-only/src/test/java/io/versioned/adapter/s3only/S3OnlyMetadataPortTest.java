package io.versioned.adapter.s3only;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.MetadataPortContract;
import io.versioned.testsupport.Outage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole {@link MetadataPortContract} against s3proxy over HTTP, one new bucket per test, on a client of its
 * own whose {@link Outage} breaks the store and whose interceptor passes the {@link #storeGate()} before each
 * request; the other client is a port on the shared client.
 */
class S3OnlyMetadataPortTest extends MetadataPortContract {

    private final Outage outage = new Outage();
    private S3Client client;
    private String bucket;

    @BeforeAll
    static void serverEnforcesConditionalWrites() {
        TestStores.client();
    }

    @Override
    protected MetadataPort createMetadataPort() {
        client = TestStores.client(outage, gate());
        bucket = TestStores.newBucket();
        return new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);
    }

    @Override
    protected MetadataPort openAnotherClient() {
        return new S3OnlyMetadataPort(TestStores.client(), bucket, TestStores.PREFIX);
    }

    @Override
    protected void breakStore() {
        outage.begin();
    }

    private ExecutionInterceptor gate() {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                storeGate().beforeRequest();
            }
        };
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}
