package io.versioned.adapter.s3only;

import io.versioned.adapter.s3only.MetadataObjects.Stored;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads and changes one JSON document with optimistic concurrency: read it with its ETag, compute the new
 * content, write it back with {@code If-Match: <etag>} (or {@code If-None-Match: *} when the document did not
 * exist). When the conditional write loses (another writer changed the document, typically another record of
 * the same artifact), the document is read again and the edit re-applied to the fresh content, so the edit's
 * own precondition is always checked against the latest content; the loop is bounded by {@link Contention}.
 */
final class Documents {

    /**
     * How one document type is located and converted, and what happens when it does not exist.
     *
     * @param absence asked when an {@link #update} finds no object (a {@link Absence#NONE} for document types that
     *                need nothing then)
     */
    record Type<D>(String key, Function<byte[], D> decoder, Function<D, byte[]> encoder, Supplier<D> empty,
                   Absence absence) {

        Type(String key, Function<byte[], D> decoder, Function<D, byte[]> encoder, Supplier<D> empty) {
            this(key, decoder, encoder, empty, Absence.NONE);
        }
    }

    /**
     * What an {@link #update} of a document type asks when the document's object does not exist. Each answer
     * {@code true} makes the update read the document again before it edits (counted as a lost race).
     */
    interface Absence {

        /** Nothing to do: the edit sees the empty document, and the write creates it. */
        Absence NONE = new Absence() {
            @Override
            public boolean readAgain() {
                return false;
            }

            @Override
            public boolean readAgainBeforeCreating() {
                return false;
            }
        };

        /** Asked before the edit sees the empty document: true if the document may exist now. */
        boolean readAgain();

        /** Asked after the edit decided to create the document, before it is written: true to read it again. */
        boolean readAgainBeforeCreating();
    }

    /**
     * What an edit decided: write {@code next} (if present) and return {@code value} to the caller.
     */
    record Outcome<D, R>(Optional<D> next, R value) {

        /** Leave the document as it is. */
        static <D, R> Outcome<D, R> keep(R value) {
            return new Outcome<>(Optional.empty(), value);
        }

        /** Write {@code next}. */
        static <D, R> Outcome<D, R> write(D next, R value) {
            return new Outcome<>(Optional.of(next), value);
        }
    }

    /**
     * A change of a document's content. Throws {@link io.versioned.core.port.PreconditionFailedException} when
     * the record-level precondition does not hold in {@code current}.
     */
    @FunctionalInterface
    interface Edit<D, R> {
        /**
         * @param current       the current content (the empty document when the object does not exist)
         * @param afterLostRace true when an earlier write of this edit lost a race (or its outcome was unknown
         *                      and the SDK retried it), so {@code current} may already contain this very change
         */
        Outcome<D, R> apply(D current, boolean afterLostRace);
    }

    private final MetadataObjects objects;

    Documents(MetadataObjects objects) {
        this.objects = objects;
    }

    /** The document, or {@code type.empty()} when its object does not exist. One GetObject. */
    <D> D read(Type<D> type) {
        return objects.get(type.key()).map(stored -> type.decoder().apply(stored.bytes()))
                .orElseGet(type.empty());
    }

    /**
     * Applies {@code edit} to the current content and stores the result conditionally, re-reading and
     * re-applying after a lost race or an unanswered write (bounded by {@link Contention}). Uncontended: one
     * GetObject, plus one PutObject when the edit writes.
     */
    <D, R> R update(Type<D> type, Edit<D, R> edit) {
        boolean afterLostRace = false;
        int unanswered = 0;
        for (int attempt = 0; ; attempt++) {
            Optional<Stored> stored = objects.get(type.key());
            if (stored.isEmpty() && type.absence().readAgain()) {
                Contention.lostRace(attempt, "update " + objects.location(type.key()));
                continue;
            }
            D current = stored.map(s -> type.decoder().apply(s.bytes())).orElseGet(type.empty());
            Outcome<D, R> outcome = edit.apply(current, afterLostRace);
            if (outcome.next().isEmpty()) {
                return outcome.value();
            }
            if (stored.isEmpty() && type.absence().readAgainBeforeCreating()) {
                Contention.lostRace(attempt, "update " + objects.location(type.key()));
                continue;
            }
            byte[] body = type.encoder().apply(outcome.next().get());
            MetadataObjects.Write result = stored.isPresent()
                    ? objects.putIfMatch(type.key(), body, stored.get().eTag())
                    : objects.putIfAbsent(type.key(), body);
            if (result == MetadataObjects.Write.WRITTEN) {
                return outcome.value();
            }
            if (result == MetadataObjects.Write.UNANSWERED) {
                unanswered = Contention.unanswered(unanswered, "update " + objects.location(type.key()));
            }
            afterLostRace = true;
            Contention.lostRace(attempt, "update " + objects.location(type.key()));
        }
    }
}
