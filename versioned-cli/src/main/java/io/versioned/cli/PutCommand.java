package io.versioned.cli;

import io.versioned.api.Artifact;
import io.versioned.api.Names;
import io.versioned.api.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code versioned put NAME FILE|-}: stores content as the new LATEST. */
@Command(name = "put", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Store a file (or standard input with -) as the new LATEST of an artifact.",
            "Unchanged content creates nothing new; publish LATEST to make an immutable version."})
final class PutCommand extends Subcommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The artifact name.")
    String name;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to store, or - for standard input.")
    String file;

    @Option(names = "--content-type", paramLabel = "TYPE", description = "The media type, e.g. application/x-sqlite3.")
    String contentType;

    @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "User metadata; repeatable.")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Object tags, for stores that keep them; repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Override
    int run(VersionedCommand root) throws IOException {
        Names.artifact(name);
        requireKeys("--meta", metadata);
        requireKeys("--tag", tags);
        PutOptions.Builder builder = PutOptions.builder().metadata(metadata).tags(tags);
        if (contentType != null) {
            builder.contentType(contentType);
        }
        PutOptions options = builder.build();
        Artifact artifact = "-".equals(file) ? repository().putArtifact(name, root.context().stdin(), options)
                : putFile(root, Path.of(file), options);
        output().print(() -> JsonShapes.artifact(artifact), output -> {
            output.line("Stored " + Describe.artifact(artifact));
            output.line("Publish it as an immutable version with: versioned publish " + name);
        });
        return ExitCodes.OK;
    }

    /** Refuses an empty key (picocli accepts {@code =value}), naming the option and the rule. */
    private static void requireKeys(String option, Map<String, String> pairs) {
        pairs.forEach((key, value) -> {
            if (key.isEmpty()) {
                throw new IllegalArgumentException(option + ": must be KEY=VALUE with a non-empty KEY, got '"
                        + key + "=" + value + "'");
            }
        });
    }

    private Artifact putFile(VersionedCommand root, Path path, PutOptions options) throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("FILE: must be a readable file or -, got '" + file + "'");
        }
        long size = Files.size(path);
        if (!ProgressBar.wanted(root.context().interactive(), size)) {
            return repository().putArtifact(name, path, options);
        }
        ProgressBar bar = new ProgressBar(root.err(), "put " + name, size);
        try (InputStream in = bar.track(Files.newInputStream(path))) {
            return repository().putArtifact(name, in, options);
        } finally {
            bar.finish();
        }
    }
}
