package io.versioned.tck;

/**
 * A part of the kit that an adapter's stores take part in, declared in {@link AdapterFactory#parts()}. An adapter of
 * one port (a blob store, a metadata store) takes part in that port's contract only; a complete store, or a module
 * that composes two adapters' ports into one store, takes part in the repository-level contracts. A nested suite of
 * {@link AdapterContract} whose part is not declared is reported as skipped with the message
 * {@code not taken part in: NAME}, never passed silently.
 */
public enum KitPart {

    /**
     * {@link BlobPortContract} on {@link AdapterFactory#createBlobPort()}, with
     * {@link AdapterFactory#openAnotherBlobPort()} and {@link AdapterFactory#breakStore()}.
     */
    BLOB_PORT,

    /**
     * {@link MetadataPortContract} on {@link AdapterFactory#createMetadataPort(StoreGate)}, with
     * {@link AdapterFactory#openAnotherMetadataPort()} and {@link AdapterFactory#breakStore()}.
     */
    METADATA_PORT,

    /**
     * The repository-level contracts ({@link RepositoryContract}, {@link AliasContract}, {@link PurgeContract},
     * {@link ArgumentContract}, {@link ConcurrencyContract}, {@link FaultContract}, {@link SoakContract},
     * {@link InputPropertyContract}) on both ports of {@link AdapterFactory#createPorts(StoreGate)}.
     */
    REPOSITORY
}
