package io.versioned.adapter.s3only;

import io.versioned.core.port.AliasRecord;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content of {@code _meta/{name}/aliases.json}: every alias record of one artifact, keyed and sorted by
 * alias name. Immutable.
 *
 * @param name    the artifact name
 * @param aliases the records by alias name; every record's name is {@code name}
 */
record AliasesDocument(String name, NavigableMap<String, AliasRecord> aliases) {

    AliasesDocument {
        aliases = Collections.unmodifiableNavigableMap(new TreeMap<>(aliases));
    }

    /** The document of an artifact that has no alias. */
    static AliasesDocument empty(String name) {
        return new AliasesDocument(name, new TreeMap<>());
    }

    Optional<AliasRecord> get(String alias) {
        return Optional.ofNullable(aliases.get(alias));
    }

    /** Every record, sorted by alias name. */
    List<AliasRecord> list() {
        return List.copyOf(aliases.values());
    }

    /** This document with {@code record} stored under its alias name. */
    AliasesDocument with(AliasRecord record) {
        NavigableMap<String, AliasRecord> next = new TreeMap<>(aliases);
        next.put(record.alias(), record);
        return new AliasesDocument(name, next);
    }

    /** This document without {@code alias}. */
    AliasesDocument without(String alias) {
        NavigableMap<String, AliasRecord> next = new TreeMap<>(aliases);
        next.remove(alias);
        return new AliasesDocument(name, next);
    }
}
