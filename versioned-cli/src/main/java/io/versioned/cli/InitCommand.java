package io.versioned.cli;

import picocli.CommandLine.Command;

/** {@code versioned init}: creates the repository's storage if missing. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Create the repository's storage (folder, schema, bucket, table) if missing. Idempotent.",
            "An embedded: repository is also created by the first put (every other command refuses one that does "
                    + "not exist); S3 and DynamoDB ones need this once."})
final class InitCommand extends Subcommand {

    @Override
    boolean createsRepository() {
        return true;
    }

    @Override
    int run(VersionedCommand root) {
        root.repository().bootstrap();
        String uri = root.repositoryUri().toString();
        output().print(() -> JsonShapes.of("repository", uri, "ready", true),
                output -> output.line("Repository ready: " + uri));
        return ExitCodes.OK;
    }
}
