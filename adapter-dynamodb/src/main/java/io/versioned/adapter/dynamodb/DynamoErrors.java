package io.versioned.adapter.dynamodb;

import io.versioned.api.BackendException;
import io.versioned.core.port.PreconditionFailedException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The one place where AWS SDK exceptions become port exceptions:
 * <ul>
 *   <li>{@link ConditionalCheckFailedException} → {@link PreconditionFailedException};</li>
 *   <li>throttling ({@link ProvisionedThroughputExceededException}, {@link RequestLimitExceededException},
 *       {@link LimitExceededException}, any service error the SDK classifies as throttling), server errors
 *       (HTTP 5xx) and client-side failures ({@link SdkClientException}: connection, timeout, I/O) →
 *       retryable {@link BackendException};</li>
 *   <li>an interruption ({@link AbortedException}) → non-retryable {@link BackendException}, with the thread's
 *       interrupt status set again;</li>
 *   <li>{@link ResourceNotFoundException} (the table is missing) → non-retryable {@link BackendException}
 *       telling to run {@code bootstrap()};</li>
 *   <li>everything else from the SDK → non-retryable {@link BackendException}.</li>
 * </ul>
 * The SDK exception is kept as the cause; no SDK exception type is thrown.
 */
final class DynamoErrors {

    private final String table;

    DynamoErrors(String table) {
        this.table = table;
    }

    /**
     * Runs {@code call}, mapping SDK exceptions.
     *
     * @param action       what the call does, for messages, e.g. {@code "create version 3 of 'a'"}
     * @param precondition the condition the call checks, for the message of a failed one, e.g.
     *                     {@code "it does not exist"}
     */
    <T> T call(String action, String precondition, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw new PreconditionFailedException(action + ": precondition failed, " + precondition, e);
        } catch (SdkException e) {
            throw backend(action, e);
        }
    }

    /** Runs {@code call}, which checks no condition, mapping SDK exceptions. */
    <T> T call(String action, Supplier<T> call) {
        return call(action, "no condition was expected", call);
    }

    /** The {@link BackendException} for an SDK failure of {@code action}. */
    BackendException backend(String action, SdkException e) {
        if (e instanceof AbortedException) {
            Thread.currentThread().interrupt();
            return new BackendException(action + " on DynamoDB table '" + table + "' was interrupted", e, false);
        }
        if (e instanceof ResourceNotFoundException) {
            return new BackendException(action + ": DynamoDB table '" + table + "' does not exist (run bootstrap()"
                    + " to create it): " + e.getMessage(), e, false);
        }
        return new BackendException(action + " on DynamoDB table '" + table + "' failed: " + e.getMessage(), e,
                isRetryable(e));
    }

    private static boolean isRetryable(SdkException e) {
        if (e instanceof SdkClientException) {
            return true;
        }
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof LimitExceededException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return false;
    }
}
