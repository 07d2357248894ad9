package io.versioned.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.core.port.BlobCapability;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.util.Arrays;
import java.util.stream.Stream;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole kit in one class: an adapter's test extends it, returns its {@link AdapterFactory} from
 * {@link #createFactory()}, and every contract runs as a nested suite on the factory's stores: the port contracts
 * ({@link MetadataPortContract}, {@link BlobPortContract}), the repository contracts ({@link RepositoryContract},
 * {@link AliasContract}, {@link PurgeContract}, {@link ArgumentContract}, {@link ConcurrencyContract},
 * {@link FaultContract}, {@link SoakContract}) and, under the jqwik engine, {@link InputPropertyContract}. Each
 * {@link Capability} appears once in the report: passed where claimed, skipped with {@code not claimed: NAME} where
 * not, as does every test that needs it. So does each {@link KitPart}: the suites of a part the factory does not take
 * part in ({@link AdapterFactory#parts()}) are skipped with {@code not taken part in: NAME}.
 */
public abstract class AdapterContract {

    private AdapterFactory factory;

    /**
     * A new factory of the adapter's stores; called once per test.
     *
     * @return the factory
     */
    protected abstract AdapterFactory createFactory();

    final AdapterFactory factory() {
        if (factory == null) {
            factory = createFactory();
        }
        return factory;
    }

    final boolean claims(Capability capability) {
        return factory().capabilities().contains(capability);
    }

    final void requireClaimed(Capability capability, String what) {
        Assumptions.assumeTrue(claims(capability), () -> "not claimed: " + capability + " (" + getClass().getName()
                + " does not declare it in AdapterFactory.capabilities(), so " + what + " is not checked)");
    }

    final void requirePart(KitPart part) {
        Assumptions.assumeTrue(factory().parts().contains(part), () -> "not taken part in: " + part + " ("
                + getClass().getName() + " leaves it out of AdapterFactory.parts(), so its suites do not run here)");
    }

    @AfterEach
    final void releaseStores() {
        if (factory != null) {
            factory.release();
        }
    }

    /** One entry per capability: passed where claimed, skipped with {@code not claimed: NAME} where not. */
    @TestFactory
    Stream<DynamicTest> capabilities() {
        return Arrays.stream(Capability.values()).map(capability -> DynamicTest.dynamicTest(capability.name(),
                () -> requireClaimed(capability, "what needs it")));
    }

    /** One entry per part of the kit: passed where taken part in, skipped with {@code not taken part in: NAME}. */
    @TestFactory
    Stream<DynamicTest> parts() {
        return Arrays.stream(KitPart.values()).map(part -> DynamicTest.dynamicTest(part.name(),
                () -> requirePart(part)));
    }

    @Test
    void theClaimOfTaggingMatchesTheBlobStore() {
        boolean ownBlobPort = factory().parts().contains(KitPart.BLOB_PORT);
        if (!ownBlobPort) {
            requirePart(KitPart.REPOSITORY);
        }
        BlobPort blobs = ownBlobPort ? factory().createBlobPort() : factory().createPorts(new StoreGate()).blobs();
        blobs.bootstrap();
        assertThat(blobs.capabilities().contains(BlobCapability.TAGGING))
                .as("BlobPort.capabilities() contains TAGGING, as AdapterFactory.capabilities() %s",
                        claims(Capability.TAGGING) ? "claims" : "does not claim")
                .isEqualTo(claims(Capability.TAGGING));
    }

    private StorePorts repositoryPorts() {
        requirePart(KitPart.REPOSITORY);
        return factory().createPorts(new StoreGate());
    }

    /** {@link MetadataPortContract} on the factory's metadata port. */
    @Nested
    class MetadataPortSuite extends MetadataPortContract {
        @Override
        protected MetadataPort createMetadataPort() {
            requirePart(KitPart.METADATA_PORT);
            return factory().createMetadataPort(storeGate());
        }

        @Override
        protected MetadataPort openAnotherClient() {
            return factory().openAnotherMetadataPort();
        }

        @Override
        protected void breakStore() {
            factory().breakStore();
        }

        @Override
        protected boolean claimsStoreFailure() {
            return claims(Capability.STORE_FAILURE);
        }

        @Override
        protected boolean claimsStoreGate() {
            return claims(Capability.STORE_GATE);
        }
    }

    /** {@link BlobPortContract} on the factory's blob port. */
    @Nested
    class BlobPortSuite extends BlobPortContract {
        @Override
        protected BlobPort createBlobPort() {
            requirePart(KitPart.BLOB_PORT);
            return factory().createBlobPort();
        }

        @Override
        protected BlobPort openAnotherClient() {
            return factory().openAnotherBlobPort();
        }

        @Override
        protected void breakStore() {
            factory().breakStore();
        }

        @Override
        protected boolean claimsStoreFailure() {
            return claims(Capability.STORE_FAILURE);
        }
    }

    /** {@link RepositoryContract}; its integrity tests need {@link Capability#CORRUPTION}. */
    @Nested
    class RepositorySuite extends RepositoryContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }

        @Override
        protected void corruptBlob(StorePorts ports, String key, byte[] bytes) {
            requireClaimed(Capability.CORRUPTION, "reading corrupted bytes");
            factory().corruptBlob(ports, key, bytes);
        }
    }

    /** {@link AliasContract}. */
    @Nested
    class AliasSuite extends AliasContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }
    }

    /** {@link PurgeContract}. */
    @Nested
    class PurgeSuite extends PurgeContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }
    }

    /** {@link ArgumentContract}. */
    @Nested
    class ArgumentSuite extends ArgumentContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }
    }

    /** {@link ConcurrencyContract} with the factory's {@link AdapterFactory#roundsPerThread()}. */
    @Nested
    class ConcurrencySuite extends ConcurrencyContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }

        @Override
        protected int roundsPerThread() {
            return factory().roundsPerThread();
        }
    }

    /**
     * {@link FaultContract} with the factory's {@link AdapterFactory#faultStride()}. It makes a few hundred stores per
     * test: each new one releases the ones before.
     */
    @Nested
    class FaultSuite extends FaultContract {
        @Override
        protected StorePorts createPorts() {
            factory().release();
            return repositoryPorts();
        }

        @Override
        protected int faultStride() {
            return factory().faultStride();
        }
    }

    /** {@link SoakContract}, configured by the {@code versioned.soak.*} system properties. */
    @Nested
    class SoakSuite extends SoakContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }
    }

    /** {@link InputPropertyContract}, run by the jqwik engine, with the factory's {@link AdapterFactory#propertyTries()}. */
    @Group
    @AddLifecycleHook(AbortedPropertySetUp.class)
    class InputPropertySuite extends InputPropertyContract {
        @Override
        protected StorePorts createPorts() {
            return repositoryPorts();
        }

        @Override
        protected void releasePorts() {
            factory().release();
        }

        @Override
        protected int tries() {
            return factory().propertyTries();
        }
    }
}
