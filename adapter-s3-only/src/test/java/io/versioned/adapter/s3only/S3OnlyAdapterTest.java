package io.versioned.adapter.s3only;

import io.versioned.core.port.MetadataPort;
import io.versioned.tck.AdapterContract;
import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.KitPart;
import io.versioned.tck.StoreGate;
import io.versioned.testsupport.Outage;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The kit's metadata port contract against s3proxy over HTTP, one new bucket per test, through the single entry
 * point: the port under test runs on a client of its own whose {@link Outage} breaks the store and whose interceptor
 * passes the {@link StoreGate} before each request; the other client is a port on the shared client. This module
 * takes part in {@link KitPart#METADATA_PORT} only (the repository-level suites run on S3 only in
 * {@code versioned-aws}).
 */
class S3OnlyAdapterTest extends AdapterContract {

    @Override
    protected AdapterFactory createFactory() {
        return new AdapterFactory() {
            private final Outage outage = new Outage();
            private S3Client client;
            private String bucket;

            @Override
            public Set<KitPart> parts() {
                return Set.of(KitPart.METADATA_PORT);
            }

            @Override
            public Set<Capability> capabilities() {
                return Set.of(Capability.STORE_FAILURE, Capability.STORE_GATE);
            }

            @Override
            public MetadataPort createMetadataPort(StoreGate gate) {
                TestStores.client();
                client = TestStores.client(outage, passing(gate));
                bucket = TestStores.newBucket();
                return new S3OnlyMetadataPort(client, bucket, TestStores.PREFIX);
            }

            @Override
            public MetadataPort openAnotherMetadataPort() {
                return new S3OnlyMetadataPort(TestStores.client(), bucket, TestStores.PREFIX);
            }

            @Override
            public void breakStore() {
                outage.begin();
            }

            @Override
            public void release() {
                if (client != null) {
                    client.close();
                }
            }
        };
    }

    private static ExecutionInterceptor passing(StoreGate gate) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                gate.beforeRequest();
            }
        };
    }
}
