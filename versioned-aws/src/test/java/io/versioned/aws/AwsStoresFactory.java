package io.versioned.aws;

import io.versioned.tck.AdapterFactory;
import io.versioned.tck.Capability;
import io.versioned.tck.KitPart;
import io.versioned.tck.StoreGate;
import io.versioned.tck.StorePorts;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The kit's repository-level suites on stores composed as this module composes them, on the test servers'
 * shared clients ({@link AwsTestStores}): fresh stores per test, objects corrupted by overwriting them with the raw
 * S3 client. Each port of the composition runs its port contract in its own module ({@code adapter-s3},
 * {@code adapter-dynamodb}, {@code adapter-s3-only}), so this takes part in {@link KitPart#REPOSITORY} only; the test
 * servers keep no tags. Each property tries few inputs, since each costs dozens of requests.
 */
final class AwsStoresFactory implements AdapterFactory {

    private final Supplier<StorePorts> freshPorts;

    /** @param freshPorts fresh, empty stores on the shared clients */
    AwsStoresFactory(Supplier<StorePorts> freshPorts) {
        this.freshPorts = freshPorts;
    }

    @Override
    public Set<KitPart> parts() {
        return Set.of(KitPart.REPOSITORY);
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of(Capability.CORRUPTION);
    }

    @Override
    public StorePorts createPorts(StoreGate gate) {
        AwsTestStores.requireConditionalWrites();
        return freshPorts.get();
    }

    @Override
    public void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        AwsTestStores.overwrite(ports, key, bytes);
    }

    @Override
    public int propertyTries() {
        return 30;
    }
}
