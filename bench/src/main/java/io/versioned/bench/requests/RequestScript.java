package io.versioned.bench.requests;

import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts the requests of every {@link CountedOperation} on one {@link CountedBackend}: a warm-up first (two versions,
 * an alias, a read: every client connected and every store feature probed), then each operation once, uncontended,
 * with small content, in the order of the round-trip tests of {@code versioned-aws}. The counts are deterministic,
 * so one measurement per operation is enough.
 */
final class RequestScript {

    private static final String APP = "app";

    private final CountedBackend backend;
    private final Repository repository;

    RequestScript(CountedBackend backend) {
        this.backend = backend;
        this.repository = backend.repository();
    }

    /** Warms up, then measures every operation. */
    Map<CountedOperation, RequestCount> measureEveryOperation() {
        warmUp();
        Map<CountedOperation, RequestCount> counts = new EnumMap<>(CountedOperation.class);
        counts.put(CountedOperation.PUT_NEW, measure(() -> repository.putArtifact(APP, bytes("v3"))));
        counts.put(CountedOperation.PUT_UNCHANGED, measure(() -> repository.putArtifact(APP, bytes("v3"))));
        counts.put(CountedOperation.PUBLISH, measure(() -> repository.publishArtifactVersion(APP)));
        counts.put(CountedOperation.RESOLVE, measure(() -> repository.resolve(APP, "prod")));
        counts.put(CountedOperation.GET_CONTENT, measure(() -> repository.getContent(APP, Version.of(3))));
        counts.put(CountedOperation.PUT_ALIAS_NEW, measure(() -> repository.putAlias(APP, "staging", Version.of(2))));
        counts.put(CountedOperation.PUT_ALIAS_SWITCH, measure(() -> repository.putAlias(APP, "prod", Version.of(2))));
        counts.put(CountedOperation.PUT_ALIAS_CANARY,
                measure(() -> repository.putAlias(APP, "prod", Version.of(2), Version.of(3), 10)));
        counts.put(CountedOperation.DELETE_VERSION,
                measure(() -> repository.deleteArtifactVersion(APP, Version.of(1))));
        counts.put(CountedOperation.LIST_VERSIONS, measure(() -> repository.listArtifactVersions(APP)));
        measurePurges(counts);
        counts.put(CountedOperation.PUBLISH_FALLBACK, publishOnProbingPort());
        return counts;
    }

    private void warmUp() {
        repository.putArtifact(APP, bytes("v1"));
        repository.publishArtifactVersion(APP);
        repository.putArtifact(APP, bytes("v2"));
        repository.publishArtifactVersion(APP);
        repository.putAlias(APP, "prod", Version.of(1));
        repository.getContent(APP, Version.of(1));
    }

    /**
     * A purge of one version and a purge of two (all versions older than now but the newest): the difference is the
     * cost per purged version, the rest the cost per call.
     */
    private void measurePurges(Map<CountedOperation, RequestCount> counts) {
        publish("purge-one", 2);
        publish("purge-two", 3);
        RequestCount one = measure(() -> repository.purgeArtifactVersions("purge-one", 1, Duration.ZERO));
        RequestCount two = measure(() -> repository.purgeArtifactVersions("purge-two", 1, Duration.ZERO));
        RequestCount perVersion = two.minus(one);
        counts.put(CountedOperation.PURGE_PER_CALL, one.minus(perVersion));
        counts.put(CountedOperation.PURGE_PER_VERSION, perVersion);
    }

    /** A publish through the S3 port that probed the server (after a put, a publish and a put to warm it up). */
    private RequestCount publishOnProbingPort() {
        Repository probing = backend.probing();
        probing.putArtifact("fallback", bytes("f1"));
        probing.publishArtifactVersion("fallback");
        probing.putArtifact("fallback", bytes("f2"));
        return backend.measure(() -> probing.publishArtifactVersion("fallback"));
    }

    private void publish(String name, int versions) {
        for (int i = 1; i <= versions; i++) {
            repository.putArtifact(name, bytes(name + " " + i));
            repository.publishArtifactVersion(name);
        }
    }

    private RequestCount measure(Runnable operation) {
        return backend.measure(operation);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
