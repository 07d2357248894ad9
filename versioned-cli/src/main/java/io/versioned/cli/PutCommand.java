package io.versioned.cli;

import io.versioned.api.Artifact;
import io.versioned.api.Names;
import io.versioned.api.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
    boolean createsRepository() {
        return true;
    }

    @Override
    int run(VersionedCommand root) throws IOException {
        Names.artifact(name);
        PutOptions options = options();
        Artifact artifact = "-".equals(file) ? putStdin(root, options) : putFile(root, path(), options);
        output().print(() -> JsonShapes.artifact(artifact), output -> {
            output.line("Stored " + Describe.artifact(artifact));
            output.line("Publish it as an immutable version with: versioned publish " + name);
        });
        return ExitCodes.OK;
    }

    /**
     * The options, checked in the documented order (each {@code --meta} and {@code --tag}, then the content type);
     * a refused {@code --meta} or {@code --tag} is reported under the option's name.
     */
    private PutOptions options() {
        requireKeys("--meta", metadata);
        requireKeys("--tag", tags);
        PutOptions.Builder builder = PutOptions.builder().metadata(metadata).tags(tags);
        try {
            builder.build();
        } catch (IllegalArgumentException e) {
            throw renamed(e);
        }
        if (contentType != null) {
            builder.contentType(contentType);
        }
        return builder.build();
    }

    /** {@code e} with its {@code metadata:} or {@code tags:} prefix replaced by the option's name. */
    private static IllegalArgumentException renamed(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        for (Map.Entry<String, String> option : Map.of("metadata: ", "--meta: ", "tags: ", "--tag: ").entrySet()) {
            if (message.startsWith(option.getKey())) {
                return new IllegalArgumentException(option.getValue() + message.substring(option.getKey().length()),
                        e);
            }
        }
        return e;
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

    /** The path FILE names. */
    private Path path() {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw unreadable();
        }
    }

    private IllegalArgumentException unreadable() {
        return new IllegalArgumentException("FILE: must be a readable file or -, got '" + file + "'");
    }

    /** Standard input, with a bar of the bytes read and the rate when a person watches standard error. */
    private Artifact putStdin(VersionedCommand root, PutOptions options) {
        if (!ProgressBar.wanted(root.context().interactive(), ProgressBar.UNKNOWN)) {
            return repository().putArtifact(name, root.context().stdin(), options);
        }
        ProgressBar bar = new ProgressBar(root.err(), "put " + name, ProgressBar.UNKNOWN);
        try {
            return repository().putArtifact(name, bar.track(root.context().stdin()), options);
        } finally {
            bar.finish();
        }
    }

    private Artifact putFile(VersionedCommand root, Path path, PutOptions options) throws IOException {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw unreadable();
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
