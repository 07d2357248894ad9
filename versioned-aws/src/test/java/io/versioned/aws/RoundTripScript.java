package io.versioned.aws;

import io.versioned.adapter.s3.FeatureSupport;
import io.versioned.adapter.s3.S3BlobConfig;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import io.versioned.tck.TestClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The operations the round-trip tests count, run in one order on one warmed-up repository, so that every backend
 * is measured on the same script and its rows carry the same names in the documentation. Each operation runs once,
 * uncontended, with small content.
 *
 * @param <C> what a measurement gives: the requests of one or of several services
 */
final class RoundTripScript<C> {

    /** The artifact the script works on. */
    static final String APP = "app";

    private final Repository repository;
    private final TestClock clock;
    private final Function<Runnable, C> measure;
    private final BinaryOperator<C> minus;

    /**
     * @param repository a repository {@link #warmUp(Repository) warmed up}
     * @param clock      the repository's clock, which the purge rows advance by 30 days
     * @param measure    runs an operation and gives the requests it sent
     * @param minus      the difference of two measurements, operation by operation
     */
    RoundTripScript(Repository repository, TestClock clock, Function<Runnable, C> measure, BinaryOperator<C> minus) {
        this.repository = repository;
        this.clock = clock;
        this.measure = measure;
        this.minus = minus;
    }

    /**
     * Makes {@link #APP} with versions 1 and 2, alias {@code prod} on 1, and reads version 1 once, so that every
     * client connected and every store feature was probed before anything is counted.
     */
    static void warmUp(Repository repository) {
        repository.putArtifact(APP, bytes("v1"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, bytes("v2"));
        repository.publishArtifactVersion(APP);
        repository.putAlias(APP, "prod", Version.of(1));
        repository.getContent(APP, Version.of(1));
    }

    /**
     * {@code config} with the optional features AWS S3 has (conditional CopyObject, tagging) declared rather than
     * probed, so that the counts are those of AWS S3; s3proxy accepts the same requests.
     */
    static S3BlobConfig asOnAwsS3(S3BlobConfig config) {
        return config.toBuilder()
                .conditionalCopySupport(FeatureSupport.ENABLED)
                .taggingSupport(FeatureSupport.ENABLED)
                .build();
    }

    /**
     * A publish on {@code fallback}, a fresh repository whose S3 port found no conditional CopyObject in the store
     * (after one put and publish to warm it up, and a put of new content).
     */
    static <C> C publishOn(Repository fallback, Function<Runnable, C> measure) {
        fallback.putArtifact("fallback", bytes("f1"));
        fallback.publishArtifactVersion("fallback");
        fallback.putArtifact("fallback", bytes("f2"));
        return measure.apply(() -> fallback.publishArtifactVersion("fallback"));
    }

    /** Operation (a row name of the documentation) → its requests, in the order the script ran them. */
    Map<String, C> measureEveryOperation() {
        Map<String, C> measured = new LinkedHashMap<>();
        measured.put("put (first put of a new artifact)", measure(() -> repository.putArtifact("other", bytes("o"))));
        measured.put("put (new content, byte[])", measure(() -> repository.putArtifact(APP, bytes("v3"))));
        measured.put("put (unchanged content)", measure(() -> repository.putArtifact(APP, bytes("v3"))));
        measured.put("put (InputStream)", measure(() -> repository.putArtifact(APP, stream("v4"),
                PutOptions.none())));
        measured.put("put (InputStream, unchanged content)", measure(() -> repository.putArtifact(APP, stream("v4"),
                PutOptions.none())));
        measured.put("publish", measure(() -> repository.publishArtifactVersion(APP)));
        measured.put("publish (unchanged LATEST)", measure(() -> repository.publishArtifactVersion(APP)));
        measured.put("getArtifactVersion", measure(() -> repository.getArtifactVersion(APP, Version.of(3))));
        measured.put("listArtifactVersions", measure(() -> repository.listArtifactVersions(APP)));
        measured.put("getContent", measure(() -> repository.getContent(APP, Version.of(3))));
        measured.put("putAlias (new alias)", measure(() -> repository.putAlias(APP, "staging", Version.of(2))));
        measured.put("putAlias (switch)", measure(() -> repository.putAlias(APP, "prod", Version.of(2))));
        measured.put("putAlias (canary with secondary)",
                measure(() -> repository.putAlias(APP, "prod", Version.of(2), Version.of(3), 10)));
        measured.put("getAlias", measure(() -> repository.getAlias(APP, "prod")));
        repository.putAlias(APP, "edge", Version.LATEST);
        measured.put("getAlias (alias to LATEST)", measure(() -> repository.getAlias(APP, "edge")));
        measured.put("listAliases", measure(() -> repository.listAliases(APP)));
        measured.put("resolve", measure(() -> repository.resolve(APP, "prod")));
        measured.put("resolve with key", measure(() -> repository.resolve(APP, "prod", "user-42")));
        measured.put("resolve (alias to LATEST)", measure(() -> repository.resolve(APP, "edge")));
        measured.put("resolveContent", measure(() -> repository.resolveContent(APP, "prod")));
        measured.put("resolveContent (alias to LATEST)", measure(() -> repository.resolveContent(APP, "edge")));
        measured.put("deleteArtifactVersion", measure(() -> repository.deleteArtifactVersion(APP, Version.of(1))));
        measured.put("deleteAlias", measure(() -> repository.deleteAlias(APP, "staging")));
        measured.put("getAliasHistory", measure(() -> repository.getAliasHistory(APP, "prod")));
        publish("purge-one", 2);
        publish("purge-two", 3);
        clock.advance(Duration.ofDays(30));
        C purgeOne = measure(() -> repository.purgeArtifactVersions("purge-one", 1, Duration.ofDays(7)));
        C purgeTwo = measure(() -> repository.purgeArtifactVersions("purge-two", 1, Duration.ofDays(7)));
        C perVersion = minus.apply(purgeTwo, purgeOne);
        measured.put("purgeArtifactVersions (per call)", minus.apply(purgeOne, perVersion));
        measured.put("purgeArtifactVersions (per purged version)", perVersion);
        return measured;
    }

    private C measure(Runnable operation) {
        return measure.apply(operation);
    }

    private void publish(String name, int versions) {
        for (int i = 1; i <= versions; i++) {
            repository.putArtifact(name, bytes(name + " " + i));
            repository.publishArtifactVersion(name);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(bytes(text));
    }
}
