package io.versioned.core.spi;

/**
 * Where a repository lives: a parsed and validated repository URI of one {@link RepositoryProvider}, not yet
 * opened. Locations are immutable values: two locations of the same URI are equal.
 *
 * <p>{@code toString()} gives the URI back in a canonical form (absolute paths, defaults filled in) with every
 * secret masked, e.g. {@code password=***}; it is safe to log and to show.
 */
public interface RepositoryLocation {

    /**
     * The scheme of the URI, in lower case, e.g. {@code embedded}.
     *
     * @return one of the {@link RepositoryProvider#schemes()} of the provider that parsed the URI
     */
    String scheme();

    /**
     * True when the storage is local or private to this process (a folder, a schema in a database the URI names,
     * memory), so that a tool may create it on open without being asked; false when creating it is a deliberate
     * act (a bucket, a table), left to an explicit {@link io.versioned.api.Repository#bootstrap()}.
     *
     * @return true when opening may create the storage unasked
     */
    boolean bootstrapsImplicitly();

    /**
     * Whether a repository is there to be read, checked without creating anything, so that a tool that only reads
     * can refuse a mistyped location instead of creating an empty repository there. Locations that cannot tell
     * without a request to a server answer true.
     *
     * @return false only when the location certainly holds no repository (a missing folder or database file)
     * @throws IllegalArgumentException if the location can never hold a repository (a file where a folder is needed)
     */
    default boolean exists() {
        return true;
    }

    /**
     * Opens the two stores of the repository. Nothing is created: bootstrapping is the caller's decision.
     * The ports own what they made (connection pools, SDK clients) and release it on close; what the caller handed
     * in through {@code options} (a client, a data source) stays the caller's.
     *
     * @param options what the application hands in; components of types this provider does not use are ignored
     * @return the opened stores; the caller closes them (closing a repository made of them does)
     * @throws IllegalArgumentException                if {@code options} is null
     * @throws io.versioned.api.BackendException if a client or a connection pool cannot be made
     */
    StorePorts open(RepositoryOptions options);
}
