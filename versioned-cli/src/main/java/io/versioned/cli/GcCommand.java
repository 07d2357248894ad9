package io.versioned.cli;

import io.versioned.core.GcReport;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code versioned gc [--dry-run] [--grace DURATION]}: removes orphan blobs. */
@Command(name = "gc", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Remove orphan blobs: bytes that no version refers to (interrupted puts and publishes).",
            "Do not run it while puts or publishes run on the repository, or give --grace longer than the longest "
                    + "put: only blobs still orphaned after the grace period are removed."})
final class GcCommand extends Subcommand {

    @Option(names = "--dry-run", description = "Only list the orphans.")
    boolean dryRun;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "0s",
            description = "Remove only blobs orphaned in two listings this far apart (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Override
    int run(VersionedCommand root) {
        GcReport report = root.maintenance().gc(dryRun, grace);
        output().print(() -> JsonShapes.gc(report), output -> {
            if (report.orphans().isEmpty()) {
                output.line("No orphan blobs.");
            } else {
                output.line((dryRun ? "Would remove " : "Removed ")
                        + Human.count(report.orphans().size(), "orphan blob") + ":");
                report.orphans().forEach(key -> output.line("  " + key));
            }
        });
        return ExitCodes.OK;
    }
}
