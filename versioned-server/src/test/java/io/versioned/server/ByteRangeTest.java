package io.versioned.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRangesOfEveryForm() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).contains(new ByteRange(0, 9));
        assertThat(ByteRange.parse("bytes=90-", 100)).contains(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-10", 100)).contains(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-500", 100)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=50-500", 100)).contains(new ByteRange(50, 99));
        assertThat(new ByteRange(3, 6).length()).isEqualTo(4);
        assertThat(new ByteRange(3, 6).contentRange(22)).isEqualTo("bytes 3-6/22");
    }

    @Test
    void whatIsNotOneWellFormedByteRangeIsIgnored() {
        assertThat(ByteRange.parse(null, 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=9-3", 100)).isEmpty();
        assertThat(ByteRange.parse("bytes=abc", 100)).isEqualTo(Optional.empty());
    }

    @Test
    void aRangeOutsideTheContentIs416() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=100-", 100)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(416));
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 100)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(ApiProblem.class);
    }
}
