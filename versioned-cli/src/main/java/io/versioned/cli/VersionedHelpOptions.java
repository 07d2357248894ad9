package io.versioned.cli;

import picocli.CommandLine.Option;

/**
 * Help options for commands whose {@code --version} selects an artifact version: {@code -h}/{@code --help} as
 * usual, and the program version on {@code -V} only (other commands also accept {@code --version}).
 */
final class VersionedHelpOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "-V", versionHelp = true, description = "Print version information and exit.")
    boolean versionHelp;
}
