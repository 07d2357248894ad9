package io.versioned.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.adapter.s3.S3Encryption;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The settings both configurations share ({@link RepositoryConfigBuilder}): their defaults, how they reach the
 * {@code adapter-s3} configuration, and every refused argument, named as the configurations name it. Runs once per
 * configuration; what only one of them has is in {@link AwsRepositoryConfigTest} and
 * {@link S3OnlyRepositoryConfigTest}.
 */
class RepositoryConfigBuilderTest {

    static Stream<Product> products() {
        return Stream.of(
                new Product("S3 + DynamoDB", () -> AwsRepositoryConfig.builder().table("versioned"),
                        builder -> ((AwsRepositoryConfig.Builder) builder).build().s3BlobConfig(), true),
                new Product("S3 only", S3OnlyRepositoryConfig::builder,
                        builder -> ((S3OnlyRepositoryConfig.Builder) builder).build().s3BlobConfig(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void defaultsAreThePythonLibrarysPrefixOnAwsWithTheDefaultCredentialsChain(Product product) {
        S3BlobConfig s3 = product.blobConfig(builder -> { });

        assertThat(s3.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(s3.bucket()).isEqualTo("my-artifacts");
        assertThat(s3.prefix()).isEqualTo("versioned-artifacts").isEqualTo(AwsRepositoryConfig.DEFAULT_PREFIX)
                .isEqualTo(S3OnlyRepositoryConfig.DEFAULT_PREFIX);
        assertThat(s3.keySuffix()).isEmpty();
        assertThat(s3.endpointOverride()).isEmpty();
        assertThat(s3.pathStyle()).isFalse();
        assertThat(s3.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(s3.encryption()).isEqualTo(S3Encryption.none());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void theS3ConfigurationGetsTheLayoutAddressingCredentialsEncryptionAndTheAdaptersDefaults(Product product) {
        AwsCredentialsProvider credentials = AnonymousCredentialsProvider.create();

        S3BlobConfig s3 = product.blobConfig(builder -> builder.region(Region.EU_WEST_1).prefix("teams/data")
                .keySuffix(".sqlite").pathStyle(true).credentialsProvider(credentials)
                .encryption(S3Encryption.kms("alias/artifacts")));

        assertThat(s3).isEqualTo(S3BlobConfig.builder().region(Region.EU_WEST_1).bucket("my-artifacts")
                .prefix("teams/data").keySuffix(".sqlite").pathStyle(true).credentialsProvider(credentials)
                .encryption(S3Encryption.kms("alias/artifacts")).sharedWithPython(product.sharedWithPython())
                .build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void missingRequiredValuesAreRefusedByName(Product product) {
        assertRefused(product, builder -> builder.region((Region) null), "region:");
        assertThatThrownBy(() -> product.build().apply(product.minimal().get().bucket("my-artifacts")))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("region:");
        assertThatThrownBy(() -> product.build().apply(product.minimal().get().region("eu-west-1")))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bucket:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void valuesBreakingTheS3AdaptersRulesAreRefusedByThisConfigurationsNames(Product product) {
        assertRefused(product, builder -> builder.bucket("Not_A_Bucket"), "bucket:");
        assertRefused(product, builder -> builder.prefix("/leading"), "prefix:");
        assertRefused(product, builder -> builder.prefix(null), "prefix:");
        assertRefused(product, builder -> builder.keySuffix("a/b"), "keySuffix:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("products")
    void nullArgumentsAreRefusedByName(Product product) {
        assertRefused(product, builder -> builder.region((String) null), "region:");
        assertRefused(product, builder -> builder.region(" "), "region:");
        assertRefused(product, builder -> builder.credentialsProvider(null), "credentialsProvider:");
        assertRefused(product, builder -> builder.encryption(null), "encryption:");
    }

    private static void assertRefused(Product product, Consumer<RepositoryConfigBuilder<?>> settings,
                                      String argument) {
        assertThatThrownBy(() -> product.blobConfig(settings)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(argument);
    }

    /**
     * One configuration of this package, seen through the settings its builder shares with the other's.
     *
     * @param name    how the test names it
     * @param minimal a builder with the settings only this configuration has, and no region or bucket
     * @param build   builds the configuration of a builder made by {@code minimal} and gives its S3 configuration
     * @param sharedWithPython whether that S3 configuration is shared with the Python library (S3 + DynamoDB only)
     */
    record Product(String name, Supplier<RepositoryConfigBuilder<?>> minimal,
                   Function<RepositoryConfigBuilder<?>, S3BlobConfig> build, boolean sharedWithPython) {

        /** The S3 configuration of a builder with region eu-west-1, bucket my-artifacts and then {@code settings}. */
        S3BlobConfig blobConfig(Consumer<RepositoryConfigBuilder<?>> settings) {
            RepositoryConfigBuilder<?> builder = minimal.get().region("eu-west-1").bucket("my-artifacts");
            settings.accept(builder);
            return build.apply(builder);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
