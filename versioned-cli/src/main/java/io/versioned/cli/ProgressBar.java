package io.versioned.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn when the percentage changes:
 * {@code put db  [##########----------]  52%  6.2 MiB / 12.0 MiB}. Shown only to people at a terminal, for
 * transfers of more than {@link #THRESHOLD} bytes.
 */
final class ProgressBar {

    /** Transfers up to this size (8 MiB) get no bar. */
    static final long THRESHOLD = 8L * 1024 * 1024;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /** True when a transfer of {@code size} bytes deserves a bar for this session. */
    static boolean wanted(boolean interactive, long size) {
        return interactive && size > THRESHOLD;
    }

    /** Wraps {@code in} so that reading it advances this bar; the bar is finished at end of stream. */
    InputStream track(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                advance(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                advance(n);
                return n;
            }
        };
    }

    private void advance(int n) {
        if (n < 0) {
            finish();
            return;
        }
        done += n;
        int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
        if (percent != shownPercent) {
            shownPercent = percent;
            int filled = percent * WIDTH / 100;
            err.print(String.format(Locale.ROOT, "\r%s  [%s%s]  %3d%%  %s / %s", label, "#".repeat(filled),
                    "-".repeat(WIDTH - filled), percent, Human.size(done), Human.size(total)));
            err.flush();
        }
    }

    /** Ends the bar's line; idempotent. */
    void finish() {
        if (shownPercent >= 0) {
            err.println();
            err.flush();
            shownPercent = -2;
        }
    }
}
