package io.versioned.cli;

import io.versioned.api.Version;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code NAME --version V} with the version required, for commands that change one version; the help options
 * leave {@code --version} to the artifact version.
 */
final class RequiredVersionArguments {

    @Mixin
    VersionedHelpOptions help;

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Option(names = "--version", paramLabel = "V", required = true, description = "LATEST or a version number.")
    Version version;
}
