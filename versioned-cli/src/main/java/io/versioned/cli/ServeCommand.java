package io.versioned.cli;

import io.versioned.server.ServerSettings;
import io.versioned.server.Tokens;
import io.versioned.server.VersionedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code versioned serve}: the HTTP API and the web console over the repository, until the process is stopped.
 * Tokens come from {@code --tokens FILE} or, without it, from the environment variable {@value #TOKENS_VARIABLE}
 * (the same text: {@code admin TOKEN} / {@code read TOKEN} lines). See {@code docs/server.md}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Serve the repository over HTTP: a JSON API (OpenAPI at /api/v1/openapi.json) and a web "
                + "console at /, until stopped.",
            "Every API call needs 'Authorization: Bearer TOKEN'; tokens are 'admin TOKEN' or 'read TOKEN' lines in "
                + "--tokens FILE or $" + ServeCommand.TOKENS_VARIABLE + "."})
final class ServeCommand extends Subcommand {

    /** The environment variable read when {@code --tokens} is absent. */
    static final String TOKENS_VARIABLE = "VERSIONED_TOKENS";

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The interface to listen on; 0.0.0.0 for every one (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = "The tokens file: one 'admin TOKEN' or 'read TOKEN' per line (at least 16 characters).")
    Path tokens;

    @Option(names = "--max-upload", paramLabel = "BYTES",
            description = "The largest upload accepted, in bytes (default: 16 GiB).")
    Long maxUpload;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Allow browser pages of this origin (e.g. https://ops.example.com) to call the API; "
                    + "repeatable. Default: none (CORS off).")
    List<String> corsOrigins = new ArrayList<>();

    @Override
    int run(VersionedCommand root) throws InterruptedException {
        ServerSettings settings = new ServerSettings(host, port, tokens(root),
                maxUpload == null ? ServerSettings.DEFAULT_MAX_UPLOAD_BYTES : maxUpload, corsOrigins);
        CountDownLatch stopped = new CountDownLatch(1);
        try (VersionedServer server = VersionedServer.start(repository(), settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "versioned-serve-stop"));
            output().line("serving " + root.repositoryUri() + " on http://" + host + ":" + server.port()
                    + "/ (API: /api/v1, OpenAPI: " + VersionedServer.OPENAPI + "); stop with Ctrl-C");
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return ExitCodes.OK;
    }

    private Tokens tokens(VersionedCommand root) {
        if (tokens != null) {
            return Tokens.read(tokens);
        }
        String variable = root.context().environment().get(TOKENS_VARIABLE);
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("--tokens: is required (a file of 'admin TOKEN' / 'read TOKEN' "
                    + "lines), or set $" + TOKENS_VARIABLE);
        }
        return Tokens.parse(variable, "$" + TOKENS_VARIABLE);
    }
}
