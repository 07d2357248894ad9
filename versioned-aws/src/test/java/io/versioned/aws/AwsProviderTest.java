package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Repository;
import io.versioned.core.Versioned;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The URIs of {@link AwsProvider}, and repositories opened from them on the test servers. */
class AwsProviderTest {

    @Test
    void s3AndDynamoDbTakeBucketPrefixTableRegionAndEndpoint() {
        AwsProvider.S3Dynamo uri = (AwsProvider.S3Dynamo) Versioned.location(
                "s3+dynamodb://my-bucket/team/artifacts?table=versioned&region=eu-west-1&endpoint=http://127.0.0.1:9000");

        assertThat(uri.table()).isEqualTo("versioned");
        assertThat(uri.location()).isEqualTo(new AwsProvider.S3Location("my-bucket", "team/artifacts",
                Optional.of("eu-west-1"), Optional.of(URI.create("http://127.0.0.1:9000"))));
        assertThat(uri.effectiveDynamoDbEndpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(uri.bootstrapsImplicitly()).isFalse();
        assertThat(uri.sharedWithPython()).isTrue();
        assertThat(uri.config(Map.of()).sharedWithPython()).isTrue();
        assertThat(Versioned.location(uri.toString())).isEqualTo(uri);
    }

    @Test
    void s3AndDynamoDbNotSharedWithThePythonLibrary() {
        AwsProvider.S3Dynamo uri = (AwsProvider.S3Dynamo) Versioned.location(
                "s3+dynamodb://my-bucket/artifacts?table=versioned&python=false");

        assertThat(uri.sharedWithPython()).isFalse();
        assertThat(uri.config(Map.of()).s3BlobConfig().sharedWithPython()).isFalse();
        assertThat(uri.toString()).endsWith("&python=false");
        assertThat(Versioned.location(uri.toString())).isEqualTo(uri);
        assertThat(Versioned.location("s3+dynamodb://my-bucket/artifacts?table=versioned&python=true"))
                .isEqualTo(new AwsProvider.S3Dynamo(uri.location(), "versioned", Optional.empty(), true));
    }

    @Test
    void s3OnlyDefaultsThePrefixAndTheRegion() {
        AwsProvider.S3Only uri = (AwsProvider.S3Only) Versioned.location("s3://my-bucket");

        assertThat(uri.location().prefix()).isEqualTo(AwsRepositoryConfig.DEFAULT_PREFIX);
        assertThat(uri.location().regionOr(Map.of())).isEqualTo("us-east-1");
        assertThat(uri.location().regionOr(Map.of("AWS_DEFAULT_REGION", "eu-central-1"))).isEqualTo("eu-central-1");
        assertThat(uri.location().regionOr(Map.of("AWS_REGION", "ap-south-1", "AWS_DEFAULT_REGION", "x")))
                .isEqualTo("ap-south-1");
        assertThat(uri.config(Map.of("AWS_REGION", "ap-south-1")).region().id()).isEqualTo("ap-south-1");
        assertThat(Versioned.location(uri.toString())).isEqualTo(uri);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s3+dynamodb://bucket/p|needs a table",
        "s3+dynamodb://bucket/p?table=t&colour=red|s3+dynamodb: unknown parameter 'colour'; allowed: dynamodb-endpoint, endpoint, python, region, table",
        "s3+dynamodb://bucket/p?table=tab&python=no|s3+dynamodb: python must be true or false, got 'no'",
        "s3+dynamodb://bucket/p?table=x|table must be 3 to 255",
        "s3://Bad_Bucket/p|the bucket must be 3 to 63",
        "s3:///p|s3: needs a bucket, e.g. s3://my-bucket/artifacts",
        "s3://bucket/p?region=Mars|region must be an AWS region",
        "s3://bucket/p?endpoint=ftp://x|endpoint must be an http or https URL",
        "s3://bucket/p?region=|parameter 'region' needs a value",
        "s3://bucket/a//b|the prefix must be non-empty"
    })
    void refusesMalformedUrisNamingTheRule(String text, String problem) {
        assertThatThrownBy(() -> Versioned.location(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("uri: ").hasMessageContaining(problem);
    }

    @Test
    void anS3AndDynamoDbUriOpensOnTheTestServersWithTheProvidersOwnClients() {
        String uri = "s3+dynamodb://" + AwsTestStores.freshBucket() + "/apps?table=" + AwsTestStores.freshTable()
                + "&endpoint=" + S3ProxyServer.shared().endpoint()
                + "&dynamodb-endpoint=" + DynaliteServer.shared().endpoint();

        try (Repository repository = Versioned.open(uri, RepositoryOptions.builder().bootstrap(true).build())) {
            repository.putArtifact("model", "weights".getBytes(StandardCharsets.UTF_8));
            assertThat(repository.publishArtifactVersion("model").uri()).endsWith("/apps/model/000001");
        }
    }

    @Test
    void anS3OnlyUriUsesTheApplicationsClientAndLeavesItOpen() {
        AtomicInteger requests = new AtomicInteger();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.incrementAndGet();
            }
        };
        String bucket = AwsTestStores.freshBucket();
        try (S3Client s3 = AwsTestStores.newS3Client(counting)) {
            RepositoryOptions options = RepositoryOptions.builder().bootstrap(true)
                    .component(S3Client.class, s3).build();
            try (Repository repository = Versioned.open("s3://" + bucket + "/apps?endpoint=http://unused.invalid",
                    options)) {
                repository.putArtifact("model", "weights".getBytes(StandardCharsets.UTF_8));
                repository.publishArtifactVersion("model");
            }
            assertThat(requests).as("every request went through the application's client").hasPositiveValue();
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("apps/_meta/")).contents())
                    .as("records beside the bytes, through the same client, which stays open").isNotEmpty();
        }
    }

    @Test
    void anS3AndDynamoDbUriUsesTheApplicationsDynamoDbClient() {
        AtomicInteger requests = new AtomicInteger();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.incrementAndGet();
            }
        };
        String table = AwsTestStores.freshTable();
        try (DynamoDbClient dynamoDb = AwsTestStores.newDynamoDbClient(counting)) {
            RepositoryOptions options = RepositoryOptions.builder().bootstrap(true)
                    .component(S3Client.class, AwsTestStores.s3())
                    .component(DynamoDbClient.class, dynamoDb).build();
            try (Repository repository = Versioned.open("s3+dynamodb://" + AwsTestStores.freshBucket() + "?table="
                    + table, options)) {
                repository.putArtifact("model", "weights".getBytes(StandardCharsets.UTF_8));
                repository.publishArtifactVersion("model");
            }
            assertThat(requests).hasPositiveValue();
            assertThat(dynamoDb.describeTable(b -> b.tableName(table)).table().itemCount()).isNotNull();
        }
    }
}
