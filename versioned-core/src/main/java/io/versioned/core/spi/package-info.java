/**
 * The provider SPI: how a backend becomes reachable from a repository URI. A
 * {@link io.versioned.core.spi.RepositoryProvider} (registered for {@link java.util.ServiceLoader}) names its schemes
 * and parses its URIs into {@link io.versioned.core.spi.RepositoryLocation}s, which open the two
 * {@link io.versioned.core.spi.StorePorts stores} with the {@link io.versioned.core.spi.RepositoryOptions} an
 * application hands in. {@link io.versioned.core.Versioned} is the entry point that uses them;
 * {@code docs/writing-an-adapter.md} shows how to write a provider.
 */
package io.versioned.core.spi;
