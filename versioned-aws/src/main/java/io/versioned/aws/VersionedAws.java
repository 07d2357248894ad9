package io.versioned.aws;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.core.VersionedCoreModule;

/**
 * The shortest way to a repository on S3 + DynamoDB:
 *
 * <pre>{@code
 * Repository repository = VersionedAws.repository(AwsRepositoryConfig.builder()
 *         .region("eu-west-1").bucket("my-artifacts").table("versioned").build());
 * repository.bootstrap();   // once: creates the bucket and the table if they are missing
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
     * The repository is thread-safe and holds one S3 and one DynamoDB client for the life of the application.
     *
     * @throws IllegalArgumentException if {@code config} is null
     * @throws io.versioned.api.BackendException if an SDK client cannot be made (not retryable)
     */
    public static Repository repository(AwsRepositoryConfig config) {
        AwsModule module = new AwsModule(config);
        try {
            return Guice.createInjector(new VersionedCoreModule(), module).getInstance(Repository.class);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof VersionedException versioned) {
                throw versioned;
            }
            throw new BackendException("cannot make the S3 or DynamoDB client for bucket " + config.bucket()
                    + " and table " + config.table() + ": " + (cause != null ? cause : e), e, false);
        }
    }
}
