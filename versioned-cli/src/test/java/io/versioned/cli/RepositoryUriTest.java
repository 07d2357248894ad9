package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryUriTest {

    @Test
    void embeddedTakesADirectoryMadeAbsolute() {
        RepositoryUri uri = RepositoryUri.parse("embedded:./.versioned");

        assertThat(uri).isEqualTo(new RepositoryUri.Embedded(Path.of(".versioned").toAbsolutePath()));
        RepositoryUri.Embedded embedded = (RepositoryUri.Embedded) uri;
        assertThat(uri.toString()).isEqualTo("embedded:" + Path.of(".versioned").toAbsolutePath());
        assertThat(uri.bootstrapsImplicitly()).isTrue();
    }

    @Test
    void embeddedExpandsTheHomeDirectory() {
        RepositoryUri.Embedded uri = (RepositoryUri.Embedded) RepositoryUri.parse("embedded:~/repo");
        assertThat(uri.directory()).isEqualTo(Path.of(System.getProperty("user.home"), "repo"));
    }

    @Test
    void memoryTakesNothing() {
        assertThat(RepositoryUri.parse("memory:")).isEqualTo(new RepositoryUri.Memory());
        assertThat(RepositoryUri.parse("MEMORY:").toString()).isEqualTo("memory:");
    }

    @Test
    void jdbcKeepsItsParametersAndTakesTheBlobFolder() {
        RepositoryUri.Jdbc uri = (RepositoryUri.Jdbc) RepositoryUri.parse(
                "jdbc:postgresql://db.local:5432/versioned?user=app&blobs=/var/blobs&password=secret");

        assertThat(uri.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5432/versioned?user=app&password=secret");
        assertThat(uri.blobDirectory()).isEqualTo(Path.of("/var/blobs"));
        assertThat(uri.toString()).contains("password=***").doesNotContain("secret");
    }

    @Test
    void s3AndDynamoDbTakeBucketPrefixTableRegionAndEndpoint() {
        RepositoryUri.S3Dynamo uri = (RepositoryUri.S3Dynamo) RepositoryUri.parse(
                "s3+dynamodb://my-bucket/team/artifacts?table=versioned&region=eu-west-1&endpoint=http://127.0.0.1:9000");

        assertThat(uri.table()).isEqualTo("versioned");
        assertThat(uri.location()).isEqualTo(new RepositoryUri.S3Location("my-bucket", "team/artifacts",
                Optional.of("eu-west-1"), Optional.of(URI.create("http://127.0.0.1:9000"))));
        assertThat(uri.bootstrapsImplicitly()).isFalse();
        assertThat(RepositoryUri.parse(uri.toString())).isEqualTo(uri);
    }

    @Test
    void s3OnlyDefaultsThePrefixAndTheRegion() {
        RepositoryUri.S3Only uri = (RepositoryUri.S3Only) RepositoryUri.parse("s3://my-bucket");

        assertThat(uri.location().prefix()).isEqualTo(RepositoryUri.S3Location.DEFAULT_PREFIX);
        assertThat(uri.location().regionOr(Map.of())).isEqualTo("us-east-1");
        assertThat(uri.location().regionOr(Map.of("AWS_DEFAULT_REGION", "eu-central-1"))).isEqualTo("eu-central-1");
        assertThat(uri.location().regionOr(Map.of("AWS_REGION", "ap-south-1", "AWS_DEFAULT_REGION", "x")))
                .isEqualTo("ap-south-1");
        assertThat(RepositoryUri.parse(uri.toString())).isEqualTo(uri);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|must not be blank",
        "nothing|has no scheme",
        "ftp://host/x|unknown scheme 'ftp'",
        "embedded:|embedded: needs a directory",
        "memory:foo|memory: takes no location",
        "jdbc:postgresql://host/db|jdbc: needs a blob folder",
        "jdbc:mysql://host/db?blobs=/x|jdbc: must look like jdbc:postgresql",
        "s3+dynamodb://bucket/p|needs a table",
        "s3+dynamodb://bucket/p?table=t&colour=red|unknown parameter 'colour'",
        "s3+dynamodb://bucket/p?table=x|table must be 3 to 255",
        "s3://Bad_Bucket/p|the bucket must be 3 to 63",
        "s3:///p|s3: needs a bucket",
        "s3://bucket/p?region=Mars|region must be an AWS region",
        "s3://bucket/p?endpoint=ftp://x|endpoint must be an http or https URL",
        "s3://bucket/p?region=|parameter 'region' needs a value",
        "s3://bucket/a//b|the prefix must be non-empty"
    })
    void refusesMalformedUrisNamingTheRule(String text, String problem) {
        assertThatThrownBy(() -> RepositoryUri.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--repo: ").hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "embedded:/tmp/repo|EmbeddedModule",
        "memory:|InMemoryModule",
        "jdbc:postgresql://host/db?blobs=/tmp/blobs|PostgresModule",
        "s3+dynamodb://bucket/p?table=versioned|AwsModule",
        "s3://bucket/p|S3OnlyModule"
    })
    void everySchemeMapsToTheCoreAndItsAdapters(String uri, String adapters) {
        assertThat(BackendModules.forUri(RepositoryUri.parse(uri)))
                .extracting(module -> module.getClass().getSimpleName())
                .containsExactlyElementsOf(("VersionedCoreModule, " + adapters).lines()
                        .flatMap(line -> List.of(line.split(", ")).stream()).toList());
    }
}
