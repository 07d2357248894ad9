package io.versioned.cli;

import picocli.CommandLine.Parameters;

/** The {@code NAME ALIAS} positional parameters of the commands that act on one alias of an artifact. */
final class AliasArguments {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias name, e.g. production.")
    String alias;
}
