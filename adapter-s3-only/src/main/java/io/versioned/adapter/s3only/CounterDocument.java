package io.versioned.adapter.s3only;

import io.versioned.api.BackendException;

/**
 * The content of {@code _meta/{name}/counter.json}: the highest version number handed out for one artifact.
 *
 * @param name the artifact name
 * @param last the highest number returned by {@code allocateVersionNumber}; 0 when none was
 */
record CounterDocument(String name, int last) {

    /** The counter of an artifact that never allocated a number. */
    static CounterDocument empty(String name) {
        return new CounterDocument(name, 0);
    }

    /**
     * The next number: above {@link #last()} and at least {@code atLeast}.
     *
     * @throws BackendException (not retryable) if {@link #last()} is already the largest {@code int}
     */
    int next(int atLeast) {
        if (last == Integer.MAX_VALUE) {
            throw new BackendException("the version counter of " + name + " is exhausted at " + last, null, false);
        }
        return Math.max(last + 1, atLeast);
    }
}
