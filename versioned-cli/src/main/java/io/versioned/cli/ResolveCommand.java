package io.versioned.cli;

import io.versioned.api.Artifact;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versioned resolve NAME ALIAS [--key ROUTING_KEY] [-o FILE|-]}: the version an alias picks. */
@Command(name = "resolve", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Resolve an alias to the version it picks: at random by the canary weight, or, with --key, "
                + "always the same version for the same key (sticky routing).",
            "With -o, also downloads that version's bytes (- for standard output)."})
final class ResolveCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias name.")
    String alias;

    @Option(names = "--key", paramLabel = "ROUTING_KEY", description = "A routing key, e.g. a customer id.")
    String key;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Download the picked version to FILE, or - for standard output.")
    String target;

    @Override
    int run(VersionedCommand root) {
        Artifact picked = key == null ? repository().resolve(name, alias) : repository().resolve(name, alias, key);
        if (Downloads.STDOUT.equals(target)) {
            Downloads.toStdout(root, name, picked.version());
            return ExitCodes.OK;
        }
        if (target != null) {
            picked = Downloads.toFile(root, name, picked.version(), Path.of(target));
        }
        Output output = output();
        if (output.json()) {
            var json = JsonShapes.artifact(picked);
            json.put("alias", alias);
            json.put("routingKey", key);
            json.put("path", target == null ? null : Path.of(target).toAbsolutePath().toString());
            output.printJson(json);
        } else {
            output.line(alias + " -> " + Describe.artifact(picked) + (key == null ? "" : " (key " + key + ")"));
            output.line(target == null ? picked.uri() : "Downloaded to " + target + " (sha256 verified)");
        }
        return ExitCodes.OK;
    }
}
