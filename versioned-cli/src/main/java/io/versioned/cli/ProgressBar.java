package io.versioned.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress report on standard error for a person at a terminal, redrawn at most every
 * {@link #REDRAW_NANOS} and at the end. For a transfer of known size, a bar with the rate and the time left:
 * {@code put db  [###############---------------]  52%  6.2 MiB / 12.0 MiB  3.1 MiB/s  2s left}; for a stream of
 * unknown size ({@code put -} from a pipe), the bytes so far and the rate: {@code put db  6.2 MiB  3.1 MiB/s}. Shown
 * only for transfers of more than {@link #THRESHOLD} bytes; a stream of unknown size shows it once that much was read.
 */
final class ProgressBar {

    /** Transfers up to this size (8 MiB) get no bar. */
    static final long THRESHOLD = 8L * 1024 * 1024;
    /** Size of a stream whose length is not known. */
    static final long UNKNOWN = -1;
    private static final long REDRAW_NANOS = 250_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier nanoTime;
    private final long started;
    private long done;
    private long drawnAt;
    private boolean drawn;
    private boolean finished;

    /** A bar on the system's monotonic clock. */
    ProgressBar(PrintWriter err, String label, long total) {
        this(err, label, total, System::nanoTime);
    }

    /**
     * @param err      where the bar is drawn
     * @param label    what is transferred, e.g. {@code put db}
     * @param total    the size in bytes, or {@link #UNKNOWN}
     * @param nanoTime a monotonic clock in nanoseconds
     */
    ProgressBar(PrintWriter err, String label, long total, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
        this.drawnAt = started;
    }

    /** True when a transfer of {@code size} bytes deserves a bar for this session; a stream of unknown size does. */
    static boolean wanted(boolean interactive, long size) {
        return interactive && (size == UNKNOWN || size > THRESHOLD);
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
        long now = nanoTime.getAsLong();
        boolean complete = total != UNKNOWN && done >= total;
        if (finished || (!complete && now - drawnAt < REDRAW_NANOS) || (total == UNKNOWN && done <= THRESHOLD)) {
            return;
        }
        drawnAt = now;
        draw(now);
    }

    private void draw(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        String speed = Human.size((long) rate) + "/s";
        String line;
        if (total == UNKNOWN) {
            line = String.format(Locale.ROOT, "\r%s  %s  %s", label, Human.size(done), speed);
        } else {
            int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
            int filled = percent * WIDTH / 100;
            long left = rate <= 0 ? 0 : (long) Math.ceil(Math.max(0, total - done) / rate);
            line = String.format(Locale.ROOT, "\r%s  [%s%s]  %3d%%  %s / %s  %s  %s left", label, "#".repeat(filled),
                    "-".repeat(WIDTH - filled), percent, Human.size(done), Human.size(total), speed,
                    Durations.shortForm(left));
        }
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Draws the final state and ends the bar's line; idempotent. */
    void finish() {
        if (finished) {
            return;
        }
        if (drawn || (total == UNKNOWN && done > THRESHOLD) || (total != UNKNOWN && done > 0)) {
            draw(nanoTime.getAsLong());
            err.println();
            err.flush();
        }
        finished = true;
    }
}
