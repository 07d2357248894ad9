package io.versioned.tck;

import io.versioned.tck.soak.SoakRun;
import io.versioned.tck.soak.SoakSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariants of docs/architecture.md over time: several threads perform a random mix of every {@link io.versioned.api.Repository}
 * operation for a configurable duration while a seeded fault injector fails a fraction of the port calls, half
 * before and half after their effect. Each worker owns two artifacts, modelled exactly (every read is checked against
 * the model; a write failed by a fault must have left one of the states it may leave), and all workers put, publish,
 * point aliases at and resolve one shared artifact. At the end the invariants hold, the replayed log of every
 * acknowledged write matches the repository, {@code fsck} finds nothing but orphans, {@code gc} removes them, and the
 * repository keeps working.
 *
 * <p>Configured by system properties (see {@link SoakSettings}): {@code versioned.soak.duration} (default
 * {@code PT5S}), {@code versioned.soak.threads} (4), {@code versioned.soak.faultRate} (0.05) and
 * {@code versioned.soak.seed} (random, printed). Each run prints one summary line and writes it to
 * {@code target/soak/<test class>.txt}.
 */
public abstract class SoakContract extends RepositoryContractSupport {

    @TempDir
    Path soakScratch;

    @Test
    void randomOperationsUnderFaultsLoseNoAcknowledgedWriteAndLeaveOnlyOrphans() {
        SoakSettings settings = SoakSettings.fromSystemProperties();
        String suite = getClass().getSimpleName();
        System.out.println("soak " + suite + " starts: " + settings);
        SoakRun run = new SoakRun(settings, ports, repository, clock, soakScratch);
        String outcome = "FAILED";
        try {
            run.execute();
            outcome = "passed";
        } catch (AssertionError | RuntimeException e) {
            outcome = "FAILED (" + firstLine(e) + ")";
            throw e;
        } finally {
            report(suite, run.summary(suite, outcome));
        }
    }

    private static void report(String suite, String summary) {
        System.out.println(summary);
        try {
            Path directory = Files.createDirectories(Path.of("target", "soak"));
            Files.writeString(directory.resolve(suite + ".txt"), summary + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("writing the soak summary failed", e);
        }
    }

    private static String firstLine(Throwable e) {
        String text = String.valueOf(e.getMessage());
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
