package io.versioned.bench.backend;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.adapter.inmemory.InMemoryBlobPort;
import io.versioned.adapter.inmemory.InMemoryMetadataPort;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.adapter.s3only.S3OnlyMetadataPort;
import io.versioned.api.Repository;
import io.versioned.aws.AwsModule;
import io.versioned.aws.S3OnlyRepositoryConfig;
import io.versioned.bench.BenchSettings;
import io.versioned.core.Maintenance;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.embedded.EmbeddedModule;
import io.versioned.testsupport.LinearizableIfMatch;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A fresh, bootstrapped repository on one backend, with the ports below it and {@link Maintenance} over them, for
 * the sections that need to look under the public API (to prove nothing was lost, or to populate large artifacts).
 *
 * <p>The ports are the ones the backend's own Guice module makes ({@link EmbeddedModule}, {@link AwsModule}; the
 * adapter-inmemory ports), and the repository is composed from {@link VersionedCoreModule} over them, as
 * applications compose it. Two differences from a plain application, both stated in the report: every port call
 * passes through a counter of failed preconditions and store failures ({@link #failures()}), which only observes;
 * and the S3-only records are written through an S3 client carrying {@link LinearizableIfMatch}, which makes
 * s3proxy's {@code If-Match} PutObject atomic, as it is on AWS S3 (without it, writers racing on one document can
 * both win on the test server; see docs/testing.md).
 *
 * <p>{@link #close()} closes the repository, its ports and every client made here.
 */
public final class BenchBackend implements AutoCloseable {

    private final BackendKind kind;
    private final Repository repository;
    private final Maintenance maintenance;
    private final BlobPort blobs;
    private final MetadataPort metadata;
    private final PortFailures failures;
    private final Optional<S3OnlyRepositoryConfig> s3OnlyConfig;
    private final Optional<S3Client> ownedClient;

    private BenchBackend(BackendKind kind, BlobPort blobs, MetadataPort metadata,
                         Optional<S3OnlyRepositoryConfig> s3OnlyConfig, Optional<S3Client> ownedClient) {
        this.kind = kind;
        this.failures = new PortFailures();
        this.blobs = new CountingBlobPort(blobs, failures);
        this.metadata = new CountingMetadataPort(metadata, failures);
        this.s3OnlyConfig = s3OnlyConfig;
        this.ownedClient = ownedClient;
        Injector injector = composed();
        this.repository = injector.getInstance(Repository.class);
        this.maintenance = injector.getInstance(Maintenance.class);
    }

    /** The core composed over the counted ports, as applications compose it. */
    private Injector composed() {
        return Guice.createInjector(new VersionedCoreModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(BlobPort.class).toInstance(blobs);
                bind(MetadataPort.class).toInstance(metadata);
            }
        });
    }

    /**
     * Opens a new, empty repository of {@code kind}: a fresh in-memory store, a fresh folder under
     * {@code settings.scratch()}, or a fresh bucket (and table) on the local servers; bootstrapped.
     *
     * @param purpose a short word naming what the repository is for; part of its bucket, table or folder name
     */
    public static BenchBackend open(BackendKind kind, BenchSettings settings, String purpose) {
        BenchBackend backend = switch (kind) {
            case IN_MEMORY -> new BenchBackend(kind, new InMemoryBlobPort(UUID.randomUUID().toString()),
                    new InMemoryMetadataPort(), Optional.empty(), Optional.empty());
            case EMBEDDED -> fromModule(kind, Guice.createInjector(new EmbeddedModule(
                    settings.scratch().resolve(settings.servers().freshName(purpose)))));
            case S3_DYNAMODB -> fromModule(kind, Guice.createInjector(new AwsModule(
                    settings.servers().awsConfig(purpose))));
            case S3_ONLY -> s3Only(settings.servers().s3OnlyConfig(purpose), settings);
        };
        try {
            backend.repository.bootstrap();
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private static BenchBackend fromModule(BackendKind kind, Injector ports) {
        return new BenchBackend(kind, ports.getInstance(BlobPort.class), ports.getInstance(MetadataPort.class),
                Optional.empty(), Optional.empty());
    }

    private static BenchBackend s3Only(S3OnlyRepositoryConfig config, BenchSettings settings) {
        S3Client records = settings.servers().s3().clientBuilder()
                .overrideConfiguration(o -> o.addExecutionInterceptor(new LinearizableIfMatch())).build();
        return new BenchBackend(BackendKind.S3_ONLY, S3BlobPort.create(config.s3BlobConfig()),
                new S3OnlyMetadataPort(records, config.bucket(), config.prefix()), Optional.of(config),
                Optional.of(records));
    }

    /** Which backend this is. */
    public BackendKind kind() {
        return kind;
    }

    /** The repository, as applications use it. */
    public Repository repository() {
        return repository;
    }

    /**
     * Another repository object on the same (counted) ports, as another process of the same application would have:
     * its writes do not take turns with those of {@link #repository()}. Not to be closed: {@link #close()} closes the
     * ports it shares.
     */
    public Repository anotherClient() {
        return composed().getInstance(Repository.class);
    }

    /** Maintenance (fsck, gc) over the same ports as {@link #repository()}. */
    public Maintenance maintenance() {
        return maintenance;
    }

    /** The blob port under the repository (counted). */
    public BlobPort blobs() {
        return blobs;
    }

    /** The metadata port under the repository (counted). */
    public MetadataPort metadata() {
        return metadata;
    }

    /** What the ports threw so far. */
    public PortFailures failures() {
        return failures;
    }

    /** The configuration of an S3-only backend (bucket, prefix), empty for the others. */
    public Optional<S3OnlyRepositoryConfig> s3OnlyConfig() {
        return s3OnlyConfig;
    }

    @Override
    public void close() {
        try {
            repository.close();
        } finally {
            ownedClient.ifPresent(S3Client::close);
        }
    }
}
