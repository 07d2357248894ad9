/**
 * The storage SPI: {@link io.versioned.core.port.BlobPort} keeps bytes, {@link io.versioned.core.port.MetadataPort}
 * keeps version, alias and history records. Each method is one storage action whose precondition is part of its
 * signature (put-if-absent, compare-and-set on a revision). Adapters only store and fetch; every domain rule lives
 * in {@code io.versioned.core}. The {@code tck} module is the executable form of these Javadocs.
 *
 * <p>Error contract for every port method: a precondition that does not hold throws
 * {@link io.versioned.core.port.PreconditionFailedException} and changes nothing; a store failure throws
 * {@link io.versioned.api.BackendException} (the change may or may not have been applied). No other exception type
 * may leave an adapter.
 */
package io.versioned.core.port;
