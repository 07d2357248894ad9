package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.BackendException;
import io.versioned.core.port.PreconditionFailedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The classification of failures a local server cannot produce on demand (throttling, server errors), on SDK
 * exception values built as the SDK builds them from a response.
 */
class DynamoErrorsTest {

    private final DynamoErrors errors = new DynamoErrors("tbl");

    @Test
    void aFailedConditionIsAPreconditionFailure() {
        assertThatThrownBy(() -> errors.call("create version 1 of 'a'", "it must not exist", () -> {
            throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
        })).isExactlyInstanceOf(PreconditionFailedException.class)
                .hasMessage("create version 1 of 'a': precondition failed, it must not exist")
                .hasCauseInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void throttlingServerErrorsAndClientFailuresAreRetryable() {
        assertRetryable(ProvisionedThroughputExceededException.builder().statusCode(400).message("slow down").build());
        assertRetryable(RequestLimitExceededException.builder().statusCode(400).message("limit").build());
        assertRetryable(DynamoDbException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("ThrottlingException").errorMessage("rate exceeded").build()).build());
        assertRetryable(InternalServerErrorException.builder().statusCode(500).message("oops").build());
        assertRetryable(DynamoDbException.builder().statusCode(503).message("unavailable").build());
        assertRetryable(SdkClientException.create("Unable to execute HTTP request: Connection refused"));
        assertRetryable(ApiCallTimeoutException.create(1000));
    }

    @Test
    void otherServiceErrorsAreNotRetryable() {
        BackendException validation = backend(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").build()).build());
        BackendException denied = backend(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build()).build());

        assertThat(validation.isRetryable()).isFalse();
        assertThat(denied.isRetryable()).isFalse();
        assertThat(denied.getMessage()).contains("get version LATEST of 'a'", "'tbl'");
    }

    @Test
    void aMissingTableSaysToRunBootstrap() {
        BackendException missing = backend(ResourceNotFoundException.builder().statusCode(400)
                .message("Requested resource not found").build());

        assertThat(missing.isRetryable()).isFalse();
        assertThat(missing.getMessage()).contains("'tbl' does not exist", "run bootstrap()");
        assertThat(missing.getCause()).isInstanceOf(ResourceNotFoundException.class);
    }

    private void assertRetryable(SdkException failure) {
        BackendException mapped = backend(failure);
        assertThat(mapped.isRetryable()).as("retryable: %s", failure).isTrue();
        assertThat(mapped.getCause()).isSameAs(failure);
    }

    private BackendException backend(SdkException failure) {
        try {
            errors.call("get version LATEST of 'a'", () -> {
                throw failure;
            });
        } catch (BackendException e) {
            return e;
        }
        throw new AssertionError("no BackendException for " + failure);
    }
}
