package io.versioned.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.cli.CliHarness.Result;
import io.versioned.testsupport.DynaliteServer;
import io.versioned.testsupport.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * The CLI on the S3 backends, through repository URIs, against real servers over HTTP: s3proxy for S3 and
 * dynalite for DynamoDB (see docs/testing.md, "The servers"). Credentials come from the {@code aws.*} system properties set by the
 * build.
 */
class CloudBackendsTest {

    private static final String NAME = "model";

    @TempDir
    Path dir;

    private final CliHarness cli = new CliHarness(new ProviderRepositoryFactory(Map.of()));

    @Test
    void s3OnlyRepository() throws IOException {
        S3ProxyServer s3 = S3ProxyServer.shared();
        String bucket = "cli-s3only-" + UUID.randomUUID().toString().substring(0, 8);
        walkthrough("s3://" + bucket + "/team/repo?endpoint=" + s3.endpoint(), bucket, "team/repo", s3);
    }

    @Test
    void s3AndDynamoDbRepository() throws IOException {
        S3ProxyServer s3 = S3ProxyServer.shared();
        DynaliteServer dynamo = DynaliteServer.shared();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String bucket = "cli-s3dynamo-" + suffix;
        walkthrough("s3+dynamodb://" + bucket + "/repo?table=versioned-" + suffix + "&endpoint=" + s3.endpoint()
                + "&dynamodb-endpoint=" + dynamo.endpoint(), bucket, "repo", s3);
    }

    private void walkthrough(String uri, String bucket, String prefix, S3ProxyServer s3) throws IOException {
        ok(uri, "init");
        Path one = Files.writeString(dir.resolve("one.bin"), "model one");
        Path two = Files.writeString(dir.resolve("two.bin"), "model two");
        ok(uri, "put", NAME, one.toString(), "--content-type", "application/octet-stream", "--meta", "run=1");
        ok(uri, "publish", NAME);
        ok(uri, "put", NAME, two.toString());
        JsonNode published = ok(uri, "publish", NAME, "--json").json();
        assertThat(published.get("version").asString()).isEqualTo("2");
        assertThat(published.get("uri").asString()).startsWith("s3://" + bucket + "/" + prefix + "/" + NAME + "/");

        ok(uri, "alias", "set", NAME, "production", "1", "--secondary", "2", "--weight", "10");
        assertThat(ok(uri, "alias", "history", NAME, "production", "--json").json().get("history").size())
                .isEqualTo(1);
        JsonNode resolved = ok(uri, "resolve", NAME, "production", "--key", "customer-7", "--json").json();
        assertThat(resolved.get("version").asString()).isIn("1", "2");
        Path target = dir.resolve("copy.bin");
        ok(uri, "get", NAME, "--version", "1", "-o", target.toString());
        assertThat(Files.readString(target)).isEqualTo("model one");
        assertThat(new String(ok(uri, "get", NAME, "-o", "-").binary(), UTF_8)).isEqualTo("model two");
        assertThat(ok(uri, "versions", NAME, "--json").json().get("versions").size()).isEqualTo(3);

        JsonNode healthy = ok(uri, "fsck", "--json").json();
        assertThat(healthy.get("intact").asBoolean()).isTrue();
        assertThat(healthy.get("versionsChecked").asInt()).isEqualTo(3);
        assertThat(healthy.get("orphans").size()).isZero();

        try (S3Client client = s3.client()) {
            client.putObject(request -> request.bucket(bucket).key(prefix + "/" + NAME + "/LATEST.0123456789abcdef0123456789abcdef"),
                    RequestBody.fromString("orphan"));
        }
        assertThat(ok(uri, "fsck", "--json").json().get("orphans").get(0).asString())
                .isEqualTo(NAME + "/LATEST.0123456789abcdef0123456789abcdef");
        assertThat(ok(uri, "gc", "--yes", "--grace", "0s", "--json").json().get("removed").size()).isEqualTo(1);
        assertThat(ok(uri, "fsck", "--json").json().get("orphans").size()).isZero();

        ok(uri, "alias", "set", NAME, "production", "2");
        JsonNode purge = ok(uri, "purge", NAME, "--keep", "0", "--older-than", "0s", "--json").json();
        assertThat(purge.get("purged").get(0).asString()).isEqualTo("1");
        assertThat(purge.get("keptByAlias").get(0).asString()).isEqualTo("2");
        ok(uri, "purge-all", "--yes");
        assertThat(ok(uri, "names", "--json").json().get("names").size()).isZero();
    }

    private Result ok(String uri, String... args) {
        List<String> all = new ArrayList<>(List.of("--repo", uri));
        all.addAll(List.of(args));
        Result result = cli.run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
