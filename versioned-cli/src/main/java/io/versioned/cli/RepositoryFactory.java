package io.versioned.cli;

import io.versioned.core.spi.RepositoryLocation;

/**
 * Opens the repository a command works on. The CLI gets one by constructor injection, so tests can hand it a
 * pre-built repository (for example one in-memory repository shared by several invocations).
 */
@FunctionalInterface
public interface RepositoryFactory {

    /**
     * Opens the repository at {@code uri}, creating its storage first when {@link RepositoryLocation#bootstrapsImplicitly()}.
     *
     * @throws IllegalArgumentException              if the URI names a backend this build cannot open
     * @throws io.versioned.api.VersionedException if the store cannot be reached or set up
     */
    Backend open(RepositoryLocation uri);
}
