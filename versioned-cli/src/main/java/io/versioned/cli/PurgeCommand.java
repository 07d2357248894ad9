package io.versioned.cli;

import io.versioned.api.PurgeResult;
import io.versioned.api.Version;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import io.versioned.core.spi.Durations;

/** {@code versioned purge NAME --keep N --older-than DURATION [--dry-run]}: retention. */
@Command(name = "purge", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Permanently remove old versions (records and bytes): those that are neither among the newest "
                + "--keep live versions nor younger than --older-than. Versions an alias points at are kept; "
                + "LATEST is never purged.",
            "Durations: 30d, 12h, 90m, 45s, 1d12h, or ISO-8601 such as PT1H."})
final class PurgeCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Option(names = "--keep", paramLabel = "N", required = true, description = "How many newest live versions to keep.")
    int keep;

    @Option(names = "--older-than", paramLabel = "DURATION", required = true,
            description = "Only purge versions last changed longer ago than this.")
    Duration olderThan;

    @Option(names = "--dry-run", description = "Only report what would be purged.")
    boolean dryRun;

    @Override
    int run(VersionedCommand root) {
        if (keep < 0) {
            throw new IllegalArgumentException("--keep: must be >= 0, got " + keep);
        }
        PurgeResult result = repository().purgeArtifactVersions(name, keep, olderThan, dryRun);
        output().print(() -> JsonShapes.purge(name, result), output -> describe(name, result).forEach(output::line));
        return ExitCodes.OK;
    }

    /** The lines that tell a person what a purge did. */
    static List<String> describe(String name, PurgeResult result) {
        String verb = result.dryRun() ? "Would purge " : "Purged ";
        String purged = result.purged().isEmpty() ? "no versions"
                : Human.count(result.purged().size(), "version") + " (" + join(result.purged()) + ")";
        String kept = result.keptByAlias().isEmpty() ? ""
                : "; kept because an alias points at them: " + join(result.keptByAlias());
        return List.of(verb + purged + " of " + name + " last changed before " + result.purgeTime() + kept);
    }

    private static String join(List<Version> versions) {
        return versions.stream().map(Version::toString).collect(Collectors.joining(", "));
    }
}
