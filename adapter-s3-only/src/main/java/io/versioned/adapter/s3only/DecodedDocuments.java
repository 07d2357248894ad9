package io.versioned.adapter.s3only;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The version documents a port decoded last, each under its key with the ETag of the bytes it was decoded from, so
 * that a listing, which returns every object's current ETag, reads again only the documents that changed since. An
 * entry is used only when its ETag equals the one just listed: equal ETags mean equal bytes (the port's
 * {@code If-Match} writes rest on the same property), so a hit returns exactly what a GetObject would. Holds at most
 * {@value #MAX_RECORDS} records (about 10 MB), dropping the documents used least recently. Thread-safe.
 */
final class DecodedDocuments {

    /** The most records kept, over all documents. */
    static final int MAX_RECORDS = 20_000;

    private record Entry(String eTag, VersionsDocument document) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int records;

    /** The document decoded from the bytes of {@code key} whose ETag is {@code eTag}, if kept. */
    synchronized Optional<VersionsDocument> get(String key, String eTag) {
        Entry entry = entries.get(key);
        return entry != null && entry.eTag().equals(eTag) ? Optional.of(entry.document()) : Optional.empty();
    }

    /** Keeps {@code document}, decoded from the bytes of {@code key} whose ETag is {@code eTag}. */
    synchronized void put(String key, String eTag, VersionsDocument document) {
        Entry previous = entries.put(key, new Entry(eTag, document));
        records += document.versions().size() - (previous == null ? 0 : previous.document().versions().size());
        Iterator<Entry> leastRecentlyUsed = entries.values().iterator();
        while (records > MAX_RECORDS && entries.size() > 1) {
            records -= leastRecentlyUsed.next().document().versions().size();
            leastRecentlyUsed.remove();
        }
    }
}
