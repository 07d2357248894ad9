package io.versioned.core;

import io.versioned.core.port.BlobPort;
import io.versioned.core.port.MetadataPort;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two ports and the clock every operation works with.
 *
 * @param blobs    where bytes live
 * @param metadata where records live
 * @param clock    the one source of time, read in UTC
 */
record Stores(BlobPort blobs, MetadataPort metadata, Clock clock) {

    /** The current time, truncated to microseconds (the precision every store keeps). */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
