package io.versioned.adapter.s3only;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.versioned.api.Version;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The blocks of 1000 numbers and their document names (docs/s3-only.md, "Layout"). */
class VersionBlockTest {

    @Test
    void aBlockHoldsOneThousandConsecutiveNumbersAndLatestHasItsOwn() {
        assertThat(VersionBlock.of(Version.LATEST).fileName()).isEqualTo("LATEST.json");
        assertThat(VersionBlock.of(Version.of(1)).fileName()).isEqualTo("999.json");
        assertThat(VersionBlock.of(Version.of(1000)).fileName()).isEqualTo("999.json");
        assertThat(VersionBlock.of(Version.of(1001)).fileName()).isEqualTo("998.json");
        assertThat(VersionBlock.of(Version.of(Version.MAX_NUMBER)).fileName()).isEqualTo("000.json");
        assertThat(VersionBlock.of(Version.of(1001))).hasToString("versions 001001 to 002000");
        assertThat(VersionBlock.of(Version.of(1500)).contains(Version.of(1000))).isFalse();
        assertThat(VersionBlock.of(Version.of(1500)).contains(Version.of(2000))).isTrue();
        assertThat(VersionBlock.LATEST.contains(Version.of(1))).isFalse();
    }

    @Test
    void higherNumbersHaveNamesThatSortFirstAsS3ListsKeys() {
        List<String> names = IntStream.of(1, 1001, 5000, 999_999).mapToObj(n -> VersionBlock.of(Version.of(n)).fileName())
                .toList();

        assertThat(names).containsExactly("999.json", "998.json", "995.json", "000.json");
        assertThat(names.stream().sorted(Comparator.reverseOrder()).toList()).isEqualTo(names);
        assertThat("LATEST.json").isGreaterThan("999.json");
    }

    @Test
    void namesReadBackAndOtherNamesAreNotBlocks() {
        for (int number : new int[] {1, 1000, 1001, 123_456, 999_999}) {
            VersionBlock block = VersionBlock.of(Version.of(number));
            assertThat(VersionBlock.ofFileName(block.fileName())).contains(block);
        }
        assertThat(VersionBlock.ofFileName("LATEST.json")).contains(VersionBlock.LATEST);
        assertThat(VersionBlock.ofFileName("999.json-2d6cd1df")).isEmpty();
        assertThat(VersionBlock.ofFileName("99.json")).isEmpty();
        assertThat(VersionBlock.ofFileName("_migration.json")).isEmpty();
        assertThatThrownBy(() -> new VersionBlock(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index");
    }
}
