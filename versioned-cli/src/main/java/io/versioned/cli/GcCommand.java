package io.versioned.cli;

import io.versioned.core.GcReport;
import io.versioned.core.Maintenance;
import io.versioned.core.port.BlobEntry;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code versioned gc [--yes | --dry-run] [--grace DURATION]}: removes orphan blobs and leftovers of killed puts. */
@Command(name = "gc", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Remove orphan blobs (bytes no version refers to, left by interrupted puts, publishes and "
                + "purges) and leftover temporary files of killed puts, once they are older than the grace period. "
                + "Objects the library did not write are listed as foreign and never removed.",
            "Without --yes it only lists what it would remove. Refuses (exit code 4) when the metadata holds no record "
                    + "while published versions' bytes exist."})
final class GcCommand extends Subcommand {

    @Option(names = "--yes", description = "Remove what is listed (without it, gc only lists).")
    boolean yes;

    @Option(names = "--dry-run", description = "Only list what would be removed (the default without --yes).")
    boolean dryRun;

    @Option(names = "--grace", paramLabel = "DURATION",
            description = "Remove only what was last modified longer ago than this (default: 1d). 0s removes every "
                    + "orphan, and is safe only while nobody writes to the repository.")
    Duration grace = Maintenance.DEFAULT_GRACE;

    @Override
    int run(VersionedCommand root) {
        if (yes && dryRun) {
            throw new IllegalArgumentException("--yes and --dry-run: give one of them, not both");
        }
        GcReport report = root.maintenance().gc(!yes, grace);
        output().print(() -> JsonShapes.gc(report), output -> {
            String verb = report.dryRun() ? "Would remove " : "Removed ";
            if (report.orphans().isEmpty()) {
                output.line("No orphan blobs" + (report.recent().isEmpty() ? "." : " older than the grace period."));
            } else {
                output.line(verb + Human.count(report.orphans().size(), "orphan blob") + ":");
                report.orphans().forEach(key -> output.line("  " + key));
            }
            if (!report.leftovers().isEmpty()) {
                output.line(verb + Human.count(report.leftovers().size(), "leftover temporary file") + " of killed "
                        + "puts, " + Human.size(total(report.leftovers())) + ":");
                report.leftovers().forEach(leftover -> output.line("  " + leftover.key()));
            }
            if (!report.recent().isEmpty()) {
                output.line("Kept " + Human.count(report.recent().size(), "orphan blob")
                        + " younger than the grace period (a put or publish may still be using it):");
                report.recent().forEach(key -> output.line("  " + key));
            }
            if (!report.foreign().isEmpty()) {
                output.line("Left alone " + Human.count(report.foreign().size(), "foreign object")
                        + " (not written by versioned):");
                report.foreign().forEach(key -> output.line("  " + key));
            }
            if (report.dryRun() && !(report.orphans().isEmpty() && report.leftovers().isEmpty())) {
                output.line("Nothing was removed: add --yes to remove them.");
            }
        });
        return ExitCodes.OK;
    }

    static long total(List<BlobEntry> entries) {
        return entries.stream().mapToLong(BlobEntry::size).sum();
    }
}
