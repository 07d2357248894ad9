package io.versioned.cli;

import io.versioned.core.FsckReport;
import picocli.CommandLine.Command;

/** {@code versioned fsck}: verifies every live version's bytes and lists orphans, leftovers and foreign objects. */
@Command(name = "fsck", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Check the repository: read every live version of every artifact and verify its SHA-256; "
                + "list orphan blobs (bytes no version refers to, left by interrupted writes), leftover temporary "
                + "files of killed puts, and foreign objects (not written by versioned).",
            "Exit code 4 when a version's bytes are missing or altered, or when the metadata holds no record while "
                    + "published versions' bytes exist; orphans and leftovers alone are harmless (see gc)."})
final class FsckCommand extends Subcommand {

    @Override
    int run(VersionedCommand root) {
        FsckReport report = root.maintenance().fsck();
        output().print(() -> JsonShapes.fsck(report), output -> {
            output.line("Checked " + Human.count(report.artifacts(), "artifact") + ", "
                    + Human.count(report.versionsChecked(), "version") + ", " + Human.size(report.bytesChecked()) + ".");
            for (FsckReport.Finding finding : report.findings()) {
                output.line("CORRUPT  " + finding.name() + " version " + finding.version() + ": " + finding.problem());
            }
            if (!report.orphans().isEmpty()) {
                output.line(Human.count(report.orphans().size(), "orphan blob")
                        + " (remove with: versioned gc --yes):");
                report.orphans().forEach(key -> output.line("  " + key));
            }
            if (!report.leftovers().isEmpty()) {
                output.line(Human.count(report.leftovers().size(), "leftover temporary file") + " of killed puts, "
                        + Human.size(GcCommand.total(report.leftovers())) + " (remove with: versioned gc --yes):");
                report.leftovers().forEach(leftover -> output.line("  " + leftover.key() + "  "
                        + Human.size(leftover.size())));
            }
            if (!report.foreign().isEmpty()) {
                output.line(Human.count(report.foreign().size(), "foreign object")
                        + " (not written by versioned; left alone):");
                report.foreign().forEach(key -> output.line("  " + key));
            }
            output.line(report.intact() ? "OK: every live version matches its sha256."
                    : "FAILED: " + Human.count(report.findings().size(), "version") + " cannot be trusted.");
        });
        return report.intact() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
