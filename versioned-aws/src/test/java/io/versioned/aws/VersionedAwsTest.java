package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.versioned.adapter.dynamodb.DynamoMetadataPort;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The product's wiring, from an {@link AwsRepositoryConfig} to a working repository on the local servers. */
class VersionedAwsTest {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Test
    void aRepositoryFromTheConfigurationCreatesItsBucketAndTableAndWorks() {
        AwsRepositoryConfig config = AwsTestStores.localConfig().build();
        Repository repository = VersionedAws.repository(config);

        repository.bootstrap();
        repository.bootstrap();
        repository.putArtifact("app", bytes("one"));
        Artifact published = repository.publishArtifactVersion("app");
        repository.putAlias("app", "prod", published.version());

        assertThat(published.uri()).isEqualTo("s3://" + config.bucket() + "/versioned-artifacts/app/000001");
        assertThat(repository.getContent("app", repository.resolve("app", "prod").version())).isEqualTo(bytes("one"));
        assertThat(objectKeys(config.bucket())).contains("versioned-artifacts/app/000001");
        assertThat(AwsTestStores.dynamoDb().getItem(b -> b.tableName(config.table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("app"), "sk", AttributeValue.fromS("000001"))))
                .item().get("sha256").s()).isEqualTo(published.sha256());
    }

    @Test
    void theModuleBindsBothPortsFromTheConfiguration() throws Exception {
        AwsRepositoryConfig config = AwsTestStores.localConfig().prefix("teams/data").keySuffix(".sqlite").build();
        Injector injector = Guice.createInjector(new VersionedCoreModule(), new AwsModule(config));
        try (S3BlobPort s3 = injector.getInstance(S3BlobPort.class);
             DynamoMetadataPort dynamo = (DynamoMetadataPort) injector.getInstance(MetadataPort.class)) {
            assertThat(injector.getInstance(BlobPort.class)).isSameAs(s3);
            assertThat(s3.config()).isEqualTo(config.s3BlobConfig());
            Repository repository = injector.getInstance(Repository.class);
            repository.bootstrap();

            Artifact latest = repository.putArtifact("model", bytes("weights"));
            repository.publishArtifactVersion("model");

            assertThat(latest.uri()).startsWith("s3://" + config.bucket() + "/teams/data/model/LATEST.")
                    .endsWith(".sqlite");
            assertThat(objectKeys(config.bucket())).contains("teams/data/model/000001.sqlite");
            assertThat(dynamo.listArtifactNames()).containsExactly("model");
        }
    }

    @Test
    void repositoriesSharingABucketUnderTwoPrefixesNeverTouchEachOther() {
        AwsRepositoryConfig first = AwsTestStores.localConfig().prefix("first").build();
        AwsRepositoryConfig second = AwsTestStores.localConfig().bucket(first.bucket()).prefix("second").build();
        Repository one = VersionedAws.repository(first);
        Repository two = VersionedAws.repository(second);
        one.bootstrap();
        two.bootstrap();
        one.putArtifact("app", bytes("first"));
        two.putArtifact("app", bytes("second"));
        two.publishArtifactVersion("app");

        one.purgeAll();

        assertThat(one.listArtifactNames()).isEmpty();
        assertThat(objectKeys(first.bucket())).noneMatch(key -> key.startsWith("first/app/"));
        assertThat(two.getContent("app", Version.LATEST)).isEqualTo(bytes("second"));
        assertThat(two.getContent("app", Version.of(1))).isEqualTo(bytes("second"));
    }

    private static List<String> objectKeys(String bucket) {
        return AwsTestStores.s3().listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
