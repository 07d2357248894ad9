package io.versioned.tck.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.versioned.api.AliasTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's log. For each artifact a single worker owns: every acknowledged write with what it returned, every
 * refusal, and every state observed after a write failed with an unknown outcome, in the order they happened;
 * {@link #replay(String)} folds them, from an artifact never written, into the state the repository must show. For
 * the artifact all workers share: every acknowledged publish and alias change. To keep memory bounded on long runs
 * an artifact's entries are folded into a checkpoint every {@value #CHECKPOINT_EVERY} entries: the same fold, in
 * pieces. Thread-safe.
 */
final class SoakLog {

    private static final int CHECKPOINT_EVERY = 1024;

    /** One entry of an artifact's log. */
    sealed interface Entry {
    }

    /**
     * A write the repository acknowledged.
     *
     * @param write  the write
     * @param result what it returned (null for operations without a result)
     */
    record Acknowledged(SoakWrite write, Object result) implements Entry {
    }

    /**
     * A write the repository refused as the semantics say, changing nothing.
     *
     * @param write the write
     */
    record Refused(SoakWrite write) implements Entry {
    }

    /**
     * The state read after a write failed with an unknown outcome; the artifact continues from it.
     *
     * @param model the observed state, with what is known of the counter
     */
    record Observed(ArtifactModel model) implements Entry {
    }

    private final Map<String, ArtifactLog> artifacts = new ConcurrentHashMap<>();
    private final Map<Integer, String> sharedPublishes = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, AliasTarget>> sharedAliasChanges = new ConcurrentHashMap<>();
    private final LongAdder entries = new LongAdder();

    /** Appends {@code entry} to the log of {@code artifact}. */
    void append(String artifact, Entry entry) {
        artifacts.computeIfAbsent(artifact, name -> new ArtifactLog()).append(entry);
        entries.increment();
    }

    /** The state the log of {@code artifact} leads to, from an artifact never written. */
    ArtifactModel replay(String artifact) {
        ArtifactLog log = artifacts.get(artifact);
        return log == null ? ArtifactModel.EMPTY : log.replay();
    }

    /**
     * Records an acknowledged publish of the shared artifact.
     *
     * @throws AssertionError if the number was acknowledged before with other bytes
     */
    void sharedPublished(int number, String sha256) {
        String before = sharedPublishes.putIfAbsent(number, sha256);
        assertThat(before).as("bytes of version %s acknowledged before, now acknowledged with %s", number, sha256)
                .isIn(null, sha256);
        entries.increment();
    }

    /**
     * Records an acknowledged change of a shared alias.
     *
     * @throws AssertionError if a change of the alias was acknowledged at that revision before
     */
    void sharedAliasChanged(String alias, long revision, AliasTarget target) {
        AliasTarget before = sharedAliasChanges.computeIfAbsent(alias, name -> new ConcurrentSkipListMap<>())
                .putIfAbsent(revision, target);
        assertThat(before).as("a change of alias %s acknowledged twice at revision %s", alias, revision).isNull();
        entries.increment();
    }

    /** The acknowledged publishes of the shared artifact: number → SHA-256. */
    Map<Integer, String> sharedPublishes() {
        return Map.copyOf(sharedPublishes);
    }

    /** The acknowledged changes of the shared aliases: alias → revision → target. */
    Map<String, NavigableMap<Long, AliasTarget>> sharedAliasChanges() {
        return Map.copyOf(sharedAliasChanges);
    }

    /** The number of entries logged so far. */
    long size() {
        return entries.sum();
    }

    /** The next state of an artifact after {@code entry}; asserts that the entry agrees with the model. */
    static ArtifactModel fold(ArtifactModel model, Entry entry) {
        if (entry instanceof Acknowledged acknowledged) {
            assertThat(acknowledged.write().refusal(model)).as("refusal of acknowledged %s", acknowledged.write())
                    .isEmpty();
            return acknowledged.write().apply(model, acknowledged.result());
        }
        if (entry instanceof Refused refused) {
            assertThat(refused.write().refusal(model)).as("refusal of %s", refused.write()).isPresent();
            return model;
        }
        return ((Observed) entry).model();
    }

    /** The log of one artifact: a checkpoint and the entries after it. */
    private static final class ArtifactLog {

        private ArtifactModel checkpoint = ArtifactModel.EMPTY;
        private final List<Entry> pending = new ArrayList<>();

        synchronized void append(Entry entry) {
            pending.add(entry);
            if (pending.size() >= CHECKPOINT_EVERY) {
                checkpoint = replay();
                pending.clear();
            }
        }

        synchronized ArtifactModel replay() {
            ArtifactModel model = checkpoint;
            for (Entry entry : pending) {
                model = fold(model, entry);
            }
            return model;
        }
    }
}
