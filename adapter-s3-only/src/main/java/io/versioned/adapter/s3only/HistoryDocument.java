package io.versioned.adapter.s3only;

import io.versioned.api.AliasChange;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content of {@code _meta/{name}/history/{alias}.json}: every history entry of one alias, keyed by the
 * revision it produced. Immutable.
 *
 * @param name    the artifact name
 * @param alias   the alias name
 * @param entries the entries by revision; every entry's name and alias are {@code name} and {@code alias}
 */
record HistoryDocument(String name, String alias, NavigableMap<Long, AliasChange> entries) {

    HistoryDocument {
        entries = Collections.unmodifiableNavigableMap(new TreeMap<>(entries));
    }

    /** The document of an alias without history. */
    static HistoryDocument empty(String name, String alias) {
        return new HistoryDocument(name, alias, new TreeMap<>());
    }

    Optional<AliasChange> get(long revision) {
        return Optional.ofNullable(entries.get(revision));
    }

    /** At most {@code limit} entries, highest revision first. */
    List<AliasChange> newestFirst(int limit) {
        return entries.descendingMap().values().stream().limit(limit).toList();
    }

    /** This document with {@code change} stored under its revision. */
    HistoryDocument with(AliasChange change) {
        NavigableMap<Long, AliasChange> next = new TreeMap<>(entries);
        next.put(change.revision(), change);
        return new HistoryDocument(name, alias, next);
    }
}
