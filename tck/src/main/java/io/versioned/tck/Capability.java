package io.versioned.tck;

/**
 * An optional ability of an adapter's stores that some contract tests need. An adapter declares the ones it has in
 * {@link AdapterFactory#capabilities()}; a test that needs a capability not declared is reported as skipped with the
 * message {@code not claimed: NAME}, never passed silently.
 */
public enum Capability {

    /**
     * The store can fail, and {@link AdapterFactory#breakStore()} makes it fail: every port method must then throw
     * {@link io.versioned.api.BackendException} (only a store that cannot fail, memory, leaves it out).
     */
    STORE_FAILURE,

    /**
     * The metadata port from {@link AdapterFactory#createPorts(StoreGate)} calls {@link StoreGate#beforeRequest()}
     * before every request it sends to its store, so each compare-and-set method is checked with another client's
     * write between any two of its requests (a port whose every method is one critical section of the process,
     * memory, leaves it out).
     */
    STORE_GATE,

    /**
     * {@link AdapterFactory#corruptBlob(StorePorts, String, byte[])} overwrites stored bytes behind the repository's
     * back, for the integrity tests.
     */
    CORRUPTION,

    /**
     * The blob store keeps tags ({@link io.versioned.core.port.BlobCapability#TAGGING} in its
     * {@code capabilities()}); declared here, it is checked to be there.
     */
    TAGGING
}
