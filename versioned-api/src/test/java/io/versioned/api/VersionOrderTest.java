package io.versioned.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The listing order: LATEST first, then published numbers newest first. */
class VersionOrderTest {

    @Test
    void newestFirstPutsLatestFirstThenNumbersDescending() {
        List<Version> sorted = Stream.of(Version.of(2), Version.of(12), Version.LATEST, Version.of(1), Version.of(999_999))
                .sorted(Version.NEWEST_FIRST).toList();

        assertThat(sorted).containsExactly(Version.LATEST, Version.of(999_999), Version.of(12), Version.of(2),
                Version.of(1));
    }

    @Test
    void aPurgeResultListsItsVersionsNewestFirst() {
        PurgeResult result = new PurgeResult(Instant.EPOCH, List.of(Version.of(1), Version.of(10), Version.of(3)),
                List.of(Version.of(2), Version.of(7)), false);

        assertThat(result.purged()).containsExactly(Version.of(10), Version.of(3), Version.of(1));
        assertThat(result.keptByAlias()).containsExactly(Version.of(7), Version.of(2));
    }
}
