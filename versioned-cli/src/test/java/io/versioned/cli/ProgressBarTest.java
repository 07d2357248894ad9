package io.versioned.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar on a clock the test moves: the rate and the time left, and a stream of unknown size. */
class ProgressBarTest {

    private static final int MIB = 1024 * 1024;

    private final StringWriter err = new StringWriter();
    private long now = 1_000_000_000L;

    @Test
    void showsTheRateAndTheTimeLeft() throws IOException {
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "get db", 16L * MIB, () -> now);

        try (InputStream in = bar.track(new ByteArrayInputStream(new byte[16 * MIB]))) {
            readMiB(in, 7);
            now += 2_000_000_000L;
            readMiB(in, 1);
            assertThat(lastLine()).isEqualTo("get db  [###############---------------]   50%  8.0 MiB / 16.0 MiB  "
                    + "4.0 MiB/s  2s left");
            now += 2_000_000_000L;
            readMiB(in, 8);
            assertThat(in.read()).isEqualTo(-1);
        }

        assertThat(err.toString()).endsWith("get db  [##############################]  100%  16.0 MiB / 16.0 MiB  "
                + "4.0 MiB/s  0s left" + System.lineSeparator());
    }

    @Test
    void showsTheBytesAndTheRateOfAStreamOfUnknownSizeOnceItIsLarge() throws IOException {
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "put db", ProgressBar.UNKNOWN, () -> now);

        try (InputStream in = bar.track(new ByteArrayInputStream(new byte[12 * MIB]))) {
            now += 1_000_000_000L;
            readMiB(in, 8);
            assertThat(err.toString()).as("nothing up to 8 MiB").isEmpty();
            now += 2_000_000_000L;
            readMiB(in, 4);
            assertThat(in.read()).isEqualTo(-1);
        }

        assertThat(err.toString()).endsWith("\rput db  12.0 MiB  4.0 MiB/s" + System.lineSeparator());
    }

    @Test
    void aSmallStreamOfUnknownSizeShowsNothing() throws IOException {
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "put db", ProgressBar.UNKNOWN, () -> now);
        try (InputStream in = bar.track(new ByteArrayInputStream(new byte[MIB]))) {
            in.readAllBytes();
        }
        bar.finish();
        assertThat(err.toString()).isEmpty();
    }

    private void readMiB(InputStream in, int mebibytes) throws IOException {
        byte[] buffer = new byte[MIB];
        for (int i = 0; i < mebibytes; i++) {
            assertThat(in.read(buffer, 0, MIB)).as("one read of a whole MiB").isEqualTo(MIB);
        }
    }

    private String lastLine() {
        String text = err.toString();
        return text.substring(text.lastIndexOf('\r') + 1);
    }
}
