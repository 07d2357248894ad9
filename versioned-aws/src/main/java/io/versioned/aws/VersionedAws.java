package io.versioned.aws;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.core.VersionedCoreModule;

/**
 * The shortest way to a repository on AWS, on S3 + DynamoDB:
 *
 * <pre>{@code
 * Repository repository = VersionedAws.repository(AwsRepositoryConfig.builder()
 *         .region("eu-west-1").bucket("my-artifacts").table("versioned").build());
 * repository.bootstrap();   // once: creates the bucket and the table if they are missing
 * }</pre>
 *
 * or on S3 alone, with no database:
 *
 * <pre>{@code
 * Repository repository = VersionedAws.s3OnlyRepository(S3OnlyRepositoryConfig.builder()
 *         .region("eu-west-1").bucket("my-artifacts").build());
 * repository.bootstrap();   // once: creates the bucket if it is missing
 * }</pre>
 */
public final class VersionedAws {

    private VersionedAws() {
    }

    /**
     * A repository on the bucket and the table of {@code config}, composed from {@link VersionedCoreModule} and
     * {@link AwsModule} with the system UTC clock. Making it sends no request: the clients connect on first use.
     * Call {@link Repository#bootstrap()} once to create the bucket and the table if they are missing (that needs
     * {@code s3:CreateBucket} and {@code dynamodb:CreateTable}); with both present, every operation works at once.
     * The repository is thread-safe and holds one S3 and one DynamoDB client until {@link Repository#close()}.
     *
     * @throws IllegalArgumentException if {@code config} is null
     * @throws io.versioned.api.BackendException if an SDK client cannot be made (not retryable)
     */
    public static Repository repository(AwsRepositoryConfig config) {
        AwsModule module = new AwsModule(config);
        return compose(module, "the S3 or DynamoDB client for bucket " + config.bucket() + " and table "
                + config.table());
    }

    /**
     * A repository on the bucket of {@code config} alone, bytes and records under its prefix, composed from
     * {@link VersionedCoreModule} and {@link S3OnlyModule} with the system UTC clock. Making it sends no request:
     * the clients connect on first use. Call {@link Repository#bootstrap()} once to create the bucket if it is
     * missing (that needs {@code s3:CreateBucket}); with the bucket present, every operation works at once. The
     * repository is thread-safe and holds two S3 clients (one for the bytes, one for the records) until
     * {@link Repository#close()}. Requests per operation: {@code docs/s3-only.md}.
     *
     * @throws IllegalArgumentException if {@code config} is null
     * @throws io.versioned.api.BackendException if an SDK client cannot be made (not retryable)
     */
    public static Repository s3OnlyRepository(S3OnlyRepositoryConfig config) {
        S3OnlyModule module = new S3OnlyModule(config);
        return compose(module, "the S3 clients for bucket " + config.bucket());
    }

    /**
     * The repository of {@link VersionedCoreModule} and {@code backend}, with the failure to make a client (a
     * {@link ProvisionException}) turned into a {@link BackendException} that names {@code clients}.
     */
    private static Repository compose(Module backend, String clients) {
        try {
            return Guice.createInjector(new VersionedCoreModule(), backend).getInstance(Repository.class);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VersionedException versioned) {
                throw versioned;
            }
            throw new BackendException("cannot make " + clients + ": " + (cause != null ? cause : e), e, false);
        }
    }
}
