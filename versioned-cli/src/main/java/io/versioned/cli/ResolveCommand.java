package io.versioned.cli;

import io.versioned.api.Artifact;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code versioned resolve NAME ALIAS [--key ROUTING_KEY] [-o FILE|-]}: the version an alias picks. */
@Command(name = "resolve", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Resolve an alias to the version it picks: at random by the canary weight, or, with --key, "
                + "always the same version for the same key (sticky routing).",
            "With -o, also downloads that version's bytes (- for standard output)."})
final class ResolveCommand extends Subcommand {

    @Mixin
    AliasArguments subject;

    @Option(names = "--key", paramLabel = "ROUTING_KEY", description = "A routing key, e.g. a customer id.")
    String key;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Download the picked version to FILE, or - for standard output.")
    String target;

    @Override
    int run(VersionedCommand root) {
        Path path = target == null || Downloads.STDOUT.equals(target) ? null : Downloads.target("-o", target);
        Artifact resolved = key == null ? repository().resolve(subject.name, subject.alias)
                : repository().resolve(subject.name, subject.alias, key);
        if (Downloads.STDOUT.equals(target)) {
            Downloads.toStdout(root, subject.name, resolved.version());
            return ExitCodes.OK;
        }
        Artifact picked = path == null ? resolved : Downloads.toFile(root, subject.name, resolved.version(), path);
        output().print(() -> {
            var json = JsonShapes.artifact(picked);
            json.put("alias", subject.alias);
            json.put("routingKey", key);
            json.put("path", path == null ? null : path.toAbsolutePath().toString());
            return json;
        }, output -> {
            output.line(subject.alias + " -> " + Describe.artifact(picked)
                    + (key == null ? "" : " (key " + key + ")"));
            output.line(target == null ? picked.uri() : "Downloaded to " + target + " (sha256 verified)");
        });
        return ExitCodes.OK;
    }
}
