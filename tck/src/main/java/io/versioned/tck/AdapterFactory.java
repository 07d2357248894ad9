package io.versioned.tck;

import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.util.EnumSet;
import java.util.Set;

/**
 * Everything an adapter supplies to run the whole kit through {@link AdapterContract}: fresh stores, another client
 * on the same store, a way to break the store and to corrupt a blob, the {@link Capability capabilities} it claims,
 * and the settings of the longer suites. Only {@link #capabilities()} must be implemented; which store hooks are needed
 * follows from the {@link KitPart parts} the factory takes part in ({@link #parts()}, all by default): the port
 * contracts take their ports from {@link #createBlobPort()} and {@link #createMetadataPort(StoreGate)}, which default
 * to the ports of {@link #createPorts(StoreGate)}, so a complete store implements that one method, and an adapter of
 * one port implements that port's method and declares that part only. A hook the suites need and the factory does
 * not override fails the test with a message naming it. One factory serves one test (the kit makes a new one for
 * each), so it may keep the stores it created in fields.
 */
public interface AdapterFactory {

    /**
     * Fresh, empty stores isolated from every store returned before (a new bucket, table, schema, prefix or
     * directory). The suites bootstrap them. A factory that claims {@link Capability#STORE_GATE} makes the metadata
     * port call {@code gate.beforeRequest()} before every request it sends to its store (an SDK interceptor, a wrapped
     * data source, a decorator); others may ignore {@code gate}.
     *
     * @param gate the gate of the compare-and-set tests, idle unless one of them arms it
     * @return the blob and metadata ports on the new stores
     */
    default StorePorts createPorts(StoreGate gate) {
        throw new AssertionError("override createPorts(StoreGate) in " + getClass().getName()
                + ": return fresh, empty blob and metadata ports (or leave REPOSITORY out of parts())");
    }

    /**
     * A fresh, empty blob store, as {@link #createPorts(StoreGate)} (whose blob port it is by default), for
     * {@link KitPart#BLOB_PORT}.
     *
     * @return the blob port on the new store
     */
    default BlobPort createBlobPort() {
        return createPorts(new StoreGate()).blobs();
    }

    /**
     * A fresh, empty metadata store, as {@link #createPorts(StoreGate)} (whose metadata port it is by default), for
     * {@link KitPart#METADATA_PORT}; with {@link Capability#STORE_GATE} the port passes {@code gate} before every
     * request to its store.
     *
     * @param gate the gate of the compare-and-set tests, idle unless one of them arms it
     * @return the metadata port on the new store
     */
    default MetadataPort createMetadataPort(StoreGate gate) {
        return createPorts(gate).metadata();
    }

    /**
     * The parts of the kit these stores take part in; every nested suite of another part is reported as
     * {@code not taken part in: NAME}. All parts by default.
     *
     * @return the parts
     */
    default Set<KitPart> parts() {
        return EnumSet.allOf(KitPart.class);
    }

    /**
     * The capabilities the stores have; every other test that needs one is reported as {@code not claimed: NAME}.
     *
     * @return the claimed capabilities
     */
    Set<Capability> capabilities();

    /**
     * Second, independent ports on the stores the last {@link #createPorts(StoreGate)} returned, as another process
     * would open them (new clients or pools where the adapter makes them; stores that are the port itself, memory,
     * return the same ports). They must not pass the gate. The default fails the test, naming this hook.
     *
     * @return the other client's ports
     */
    default StorePorts openAnotherClient() {
        throw new AssertionError("override openAnotherClient() (or openAnotherBlobPort(), openAnotherMetadataPort())"
                + " in " + getClass().getName() + ": return second, independent ports on the last stores created");
    }

    /**
     * A second, independent blob port on the store the last {@link #createBlobPort()} returned, as
     * {@link #openAnotherClient()} (whose blob port it is by default).
     *
     * @return the other client's blob port
     */
    default BlobPort openAnotherBlobPort() {
        return openAnotherClient().blobs();
    }

    /**
     * A second, independent metadata port on the store the last {@link #createMetadataPort(StoreGate)} returned, as
     * {@link #openAnotherClient()} (whose metadata port it is by default); it does not pass the gate.
     *
     * @return the other client's metadata port
     */
    default MetadataPort openAnotherMetadataPort() {
        return openAnotherClient().metadata();
    }

    /**
     * Makes the stores under the last {@link #createPorts(StoreGate)} (or port of {@link #createBlobPort()},
     * {@link #createMetadataPort(StoreGate)}) fail from now on, as stores that went away would
     * (drop the tables, point the client at a closed port, replace the directory by a file). Needed with
     * {@link Capability#STORE_FAILURE}; the default fails the test, naming this hook.
     */
    default void breakStore() {
        throw new AssertionError("override breakStore() in " + getClass().getName()
                + ": make the stores under the last createPorts(StoreGate) fail (it claims STORE_FAILURE)");
    }

    /**
     * Replaces the bytes stored under {@code key} directly in the store, behind the ports' back. Needed with
     * {@link Capability#CORRUPTION}; the default fails the test, naming this hook.
     *
     * @param ports the ports whose blob store holds the key, from {@link #createPorts(StoreGate)}
     * @param key   the blob key
     * @param bytes the bytes to store instead
     */
    default void corruptBlob(StorePorts ports, String key, byte[] bytes) {
        throw new AssertionError("override corruptBlob(StorePorts, String, byte[]) in " + getClass().getName()
                + ": overwrite the bytes stored under the key directly in the store (it claims CORRUPTION)");
    }

    /** Releases what the stores of the test just run hold (pools, servers' schemas, folders). The default: nothing. */
    default void release() {
    }

    /**
     * The tries of each jqwik property of {@link InputPropertyContract}: a few hundred where calls are cheap, a few
     * dozen over HTTP. Default 100.
     *
     * @return the tries
     */
    default int propertyTries() {
        return 100;
    }

    /**
     * How many operations each thread performs in the longer races of {@link ConcurrencyContract}. Default 4.
     *
     * @return the rounds per thread
     */
    default int roundsPerThread() {
        return 4;
    }

    /**
     * Every how many port calls {@link FaultContract} injects a fault: 1 (every call) by default; slow stores may
     * raise it.
     *
     * @return the stride, at least 1
     */
    default int faultStride() {
        return 1;
    }
}
