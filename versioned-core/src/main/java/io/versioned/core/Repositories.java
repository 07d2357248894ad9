package io.versioned.core;

import io.versioned.api.Repository;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.time.Clock;

/**
 * Plain Java composition, without Guice: a {@link Repository} over any pair of ports.
 *
 * <pre>{@code
 * Repository repository = Repositories.of(new FilesystemBlobPort(Path.of("blobs")),
 *         new JdbcMetadataPort(dataSource), Clock.systemUTC());
 * repository.bootstrap();
 * }</pre>
 *
 * <p>The repository is the same {@link DefaultRepository} that {@link VersionedCoreModule} binds: thread-safe, with
 * every rule of {@code docs/semantics.md}, and every call logged at debug level through SLF4J (the logger
 * {@code io.versioned.core.LoggingRepository}: operation, name, version, alias and duration). Its
 * {@link Repository#close()} closes both ports.
 */
public final class Repositories {

    private Repositories() {
    }

    /**
     * A repository over {@code blobs} and {@code metadata} that reads the time from {@code clock}. Nothing is sent to
     * the stores; call {@link Repository#bootstrap()} to create their storage if it may be missing.
     *
     * @param blobs    where the bytes live
     * @param metadata where the records live
     * @param clock    the one source of time, read in UTC
     * @return the repository
     * @throws IllegalArgumentException if an argument is null
     */
    public static Repository of(BlobPort blobs, MetadataPort metadata, Clock clock) {
        require(blobs, "blobs");
        require(metadata, "metadata");
        require(clock, "clock");
        return new LoggingRepository(new DefaultRepository(blobs, metadata, clock));
    }

    /**
     * A repository over {@code blobs} and {@code metadata} with the system UTC clock; see
     * {@link #of(BlobPort, MetadataPort, Clock)}.
     *
     * @param blobs    where the bytes live
     * @param metadata where the records live
     * @return the repository
     * @throws IllegalArgumentException if an argument is null
     */
    public static Repository of(BlobPort blobs, MetadataPort metadata) {
        return of(blobs, metadata, Clock.systemUTC());
    }

    private static void require(Object argument, String name) {
        if (argument == null) {
            throw new IllegalArgumentException(name + ": must not be null");
        }
    }
}
