package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.versioned.adapter.dynamodb.DynamoMetadataPort;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3BlobPort;
import io.versioned.adapter.s3only.S3OnlyMetadataPort;
import io.versioned.api.Artifact;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.core.VersionedCoreModule;
import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import io.versioned.tck.RepositoryFixture;
import io.versioned.tck.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The products' wiring, from an {@link AwsRepositoryConfig} or an {@link S3OnlyRepositoryConfig} to a working
 * repository on the local servers, and repositories sharing one bucket under two prefixes.
 */
class VersionedAwsTest {

    @BeforeAll
    static void requireConditionalWrites() {
        AwsTestStores.requireConditionalWrites();
    }

    @Test
    void aRepositoryFromTheConfigurationCreatesItsBucketAndTableAndWorks() {
        AwsRepositoryConfig config = AwsTestStores.localConfig().build();
        Artifact published;

        try (Repository repository = VersionedAws.repository(config)) {
            published = publishAndAliasOnAFreshStore(repository, config.bucket());
        }

        assertThat(objectKeys(config.bucket())).contains("versioned-artifacts/app/000001");
        assertThat(AwsTestStores.dynamoDb().getItem(b -> b.tableName(config.table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("app"), "sk", AttributeValue.fromS("000001"))))
                .item().get("sha256").s()).isEqualTo(published.sha256());
    }

    @Test
    void anS3OnlyRepositoryFromTheConfigurationCreatesItsBucketAndKeepsBlobsAndRecordsUnderOnePrefix() {
        S3OnlyRepositoryConfig config = S3OnlyTestStores.localConfig().build();

        try (Repository repository = VersionedAws.s3OnlyRepository(config)) {
            publishAndAliasOnAFreshStore(repository, config.bucket());
        }

        assertThat(objectKeys(config.bucket())).allMatch(key -> key.startsWith("versioned-artifacts/"))
                .contains("versioned-artifacts/app/000001", "versioned-artifacts/_meta/_names/app",
                        "versioned-artifacts/_meta/app/versions.json", "versioned-artifacts/_meta/app/aliases.json",
                        "versioned-artifacts/_meta/app/counter.json",
                        "versioned-artifacts/_meta/app/history/prod.json");
    }

    @Test
    void theModuleBindsBothPortsFromTheConfiguration() throws Exception {
        AwsRepositoryConfig config = AwsTestStores.localConfig().prefix("teams/data").keySuffix(".sqlite").build();
        Injector injector = Guice.createInjector(new VersionedCoreModule(), new AwsModule(config));
        try (S3BlobPort s3 = injector.getInstance(S3BlobPort.class);
             DynamoMetadataPort dynamo = (DynamoMetadataPort) injector.getInstance(MetadataPort.class)) {
            putAndPublishThroughTheModule(injector, s3, config.s3BlobConfig());

            assertThat(dynamo.listArtifactNames()).containsExactly("model");
        }
    }

    @Test
    void theS3OnlyModuleBindsBothPortsOnTheSameBucketAndPrefix() throws Exception {
        S3OnlyRepositoryConfig config = S3OnlyTestStores.localConfig().prefix("teams/data").keySuffix(".sqlite")
                .build();
        Injector injector = Guice.createInjector(new VersionedCoreModule(), new S3OnlyModule(config));
        try (S3BlobPort s3 = injector.getInstance(S3BlobPort.class);
             S3OnlyMetadataPort records = (S3OnlyMetadataPort) injector.getInstance(MetadataPort.class)) {
            putAndPublishThroughTheModule(injector, s3, config.s3BlobConfig());

            assertThat(objectKeys(config.bucket())).contains("teams/data/_meta/model/versions.json");
            assertThat(records.listArtifactNames()).containsExactly("model");
        }
    }

    @Test
    void repositoriesSharingABucketUnderTwoPrefixesNeverTouchEachOther() {
        AwsRepositoryConfig first = AwsTestStores.localConfig().prefix("first").build();
        AwsRepositoryConfig second = AwsTestStores.localConfig().bucket(first.bucket()).prefix("second").build();
        try (Repository one = VersionedAws.repository(first); Repository two = VersionedAws.repository(second)) {
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
    }

    /**
     * Blobs and records of an S3-only repository share its prefix: purgeAll removes all of them, through the
     * metadata port for the records (the blob port never deletes a {@code _meta/} object as if it were a blob),
     * leaves the other repository's blobs and records byte for byte, and the repository works again afterwards.
     */
    @Test
    void s3OnlyRepositoriesSharingABucketUnderTwoPrefixesNeverTouchEachOthersBlobsOrRecords() {
        S3OnlyRepositoryConfig first = S3OnlyTestStores.localConfig().prefix("first").build();
        S3OnlyRepositoryConfig second = S3OnlyTestStores.localConfig().bucket(first.bucket()).prefix("second")
                .build();
        DeletedKeys blobDeletes = new DeletedKeys();
        try (S3Client blobClient = AwsTestStores.newS3Client(blobDeletes);
             Repository one = RepositoryFixture.repository(
                     S3OnlyTestStores.ports(first, blobClient, S3OnlyTestStores.metadataClient()),
                     new TestClock(Instant.parse("2026-01-01T00:00:00Z")));
             Repository two = VersionedAws.s3OnlyRepository(second)) {
            two.bootstrap();
            fill(one);
            fill(two);
            Map<String, String> secondBefore = objects(first.bucket(), "second/");
            assertThat(objects(first.bucket(), "first/")).containsKeys("first/_meta/app/versions.json",
                    "first/_meta/_names/app", "first/app/000001");
            blobDeletes.clear();

            one.purgeAll();

            assertThat(objects(first.bucket(), "first/")).isEmpty();
            assertThat(blobDeletes.keys()).as("objects the blob port deleted").isNotEmpty()
                    .noneMatch(key -> key.startsWith("first/_meta/"));
            assertThat(objects(first.bucket(), "second/")).isEqualTo(secondBefore);
            assertThat(two.listArtifactNames()).containsExactly("app", "db");
            assertThat(two.getContent("app", two.resolve("app", "prod").version())).isEqualTo(bytes("app 1"));

            one.putArtifact("app", bytes("after"));
            assertThat(one.publishArtifactVersion("app").version()).isEqualTo(Version.of(1));
            one.putAlias("app", "prod", Version.of(1));
            assertThat(one.getContent("app", one.resolve("app", "prod").version())).isEqualTo(bytes("after"));
            assertThat(one.listArtifactNames()).containsExactly("app");
        }
    }

    /**
     * Bootstraps {@code repository} twice, puts, publishes and aliases {@code app}, and checks the published
     * version's URI in {@code bucket} and its bytes through the alias.
     */
    private static Artifact publishAndAliasOnAFreshStore(Repository repository, String bucket) {
        repository.bootstrap();
        repository.bootstrap();
        repository.putArtifact("app", bytes("one"));
        Artifact published = repository.publishArtifactVersion("app");
        repository.putAlias("app", "prod", published.version());

        assertThat(published.uri()).isEqualTo("s3://" + bucket + "/versioned-artifacts/app/000001");
        assertThat(repository.getContent("app", repository.resolve("app", "prod").version())).isEqualTo(bytes("one"));
        return published;
    }

    /**
     * Checks that the injector of a backend {@link Module} binds {@link BlobPort} to its {@link S3BlobPort}
     * {@code s3}, made from {@code s3Config}, then puts and publishes {@code model} through its repository and checks
     * the object keys.
     */
    private static void putAndPublishThroughTheModule(Injector injector, S3BlobPort s3, S3BlobConfig s3Config) {
        assertThat(injector.getInstance(BlobPort.class)).isSameAs(s3);
        assertThat(s3.config()).isEqualTo(s3Config);
        Repository repository = injector.getInstance(Repository.class);
        repository.bootstrap();

        Artifact latest = repository.putArtifact("model", bytes("weights"));
        repository.publishArtifactVersion("model");

        assertThat(latest.uri()).startsWith("s3://" + s3Config.bucket() + "/teams/data/model/LATEST.")
                .endsWith(".sqlite");
        assertThat(objectKeys(s3Config.bucket())).contains("teams/data/model/000001.sqlite");
    }

    /** Two artifacts with a published version, an alias on it and a newer LATEST each. */
    private static void fill(Repository repository) {
        for (String name : List.of("app", "db")) {
            repository.putArtifact(name, bytes(name + " 1"));
            repository.publishArtifactVersion(name);
            repository.putAlias(name, "prod", Version.of(1));
            repository.putArtifact(name, bytes(name + " latest"));
        }
    }

    private static List<String> objectKeys(String bucket) {
        return List.copyOf(objects(bucket, "").keySet());
    }

    /** Key → ETag of every object of {@code bucket} under {@code prefix}. */
    private static Map<String, String> objects(String bucket, String prefix) {
        return AwsTestStores.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, S3Object::eTag));
    }

    private static byte[] bytes(String text) {
        return RoundTripScript.bytes(text);
    }

    /** Records the key of every DeleteObject and every key of every DeleteObjects a client sends. Thread-safe. */
    private static final class DeletedKeys implements ExecutionInterceptor {

        private final List<String> keys = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof DeleteObjectRequest delete) {
                keys.add(delete.key());
            } else if (context.request() instanceof DeleteObjectsRequest delete) {
                delete.delete().objects().stream().map(ObjectIdentifier::key).forEach(keys::add);
            }
        }

        List<String> keys() {
            return List.copyOf(keys);
        }

        void clear() {
            keys.clear();
        }
    }
}
