package io.versioned.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys and timestamps of the item layout, without a server. */
class LayoutTest {

    @Test
    void partitionsOfDifferentArtifactsAndKindsNeverCoincide() {
        List<String> names = List.of("a", "a-alias", "a-alias-history", "a-counter", "a-alias-counter", "names",
                "a-history", "alias", "counter", "a.b", "a_b", "A");
        List<String> partitions = new ArrayList<>(List.of(ItemKeys.NAMES_PARTITION));
        for (String name : names) {
            partitions.add(ItemKeys.versionPartition(name));
            partitions.add(ItemKeys.aliasPartition(name));
            partitions.add(ItemKeys.historyPartition(name));
            partitions.add(ItemKeys.counterPartition(name));
        }

        assertThat(partitions).doesNotHaveDuplicates();
        assertThat(ItemKeys.aliasPartition("my-app")).isEqualTo("__my-app-alias");
    }

    @Test
    void sortKeysFollowThePythonLayout() {
        assertThat(ItemKeys.versionSortKey(Version.LATEST)).isEqualTo("LATEST");
        assertThat(ItemKeys.versionSortKey(Version.of(5))).isEqualTo("000005");
        assertThat(ItemKeys.parseVersionSortKey("999999")).isEqualTo(Version.of(999_999));
        assertThat(ItemKeys.parseVersionSortKey("LATEST")).isEqualTo(Version.LATEST);
        for (String bad : List.of("5", "latest", "000000", "0000001", "")) {
            assertThatThrownBy(() -> ItemKeys.parseVersionSortKey(bad)).as("sort key '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ItemKeys.historySortKey("prod", 42)).isEqualTo("prod#0000000000000000042");
        assertThat(ItemKeys.historySortKey("prod", Long.MAX_VALUE)).isEqualTo("prod#" + Long.MAX_VALUE);
        assertThatThrownBy(() -> ItemKeys.historySortKey("prod", -1)).hasMessageStartingWith("revision: ");
    }

    @Test
    void namesThatWouldBreakTheLayoutAreRefused() {
        for (String bad : List.of("_hidden", "__names", "-a", "a/b", "a#b", "")) {
            assertThatThrownBy(() -> ItemKeys.versionPartition(bad)).as("name '%s'", bad)
                    .hasMessageStartingWith("name: ");
        }
        for (String bad : List.of("prod-1", "a#b", "1st", "")) {
            assertThatThrownBy(() -> ItemKeys.aliasSortKey(bad)).as("alias '%s'", bad)
                    .hasMessageStartingWith("alias: ");
        }
    }

    @Test
    void timestampsUseThePythonFormat() {
        assertThat(Timestamps.format(Instant.parse("2024-01-02T03:04:05.123456789Z")))
                .isEqualTo("2024-01-02T03:04:05.123456+0000");
        assertThat(Timestamps.format(Instant.parse("1999-12-31T23:59:59Z")))
                .isEqualTo("1999-12-31T23:59:59.000000+0000");
        assertThat(Timestamps.parse("2024-01-02T03:04:05.123456+0000"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
        assertThat(Timestamps.parse("2024-01-02T05:04:05.000001+0200"))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.000001Z"));
        assertThatThrownBy(() -> Timestamps.parse("2024-01-02T03:04:05Z")).isInstanceOf(IllegalArgumentException.class);
    }
}
