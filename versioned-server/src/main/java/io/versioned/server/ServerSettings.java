package io.versioned.server;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link VersionedServer} listens and what it accepts.
 *
 * @param host           the interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port           the TCP port; 0 picks a free one (see {@link VersionedServer#port()})
 * @param tokens         the bearer tokens and their scopes
 * @param maxUploadBytes the largest content an upload may have, checked against {@code Content-Length} before
 *                       the store is touched and counted while streaming
 * @param corsOrigins    origins allowed to call the API from a browser page of another origin; empty (the
 *                       default) sends no CORS headers at all
 */
public record ServerSettings(String host, int port, Tokens tokens, long maxUploadBytes, List<String> corsOrigins) {

    /** The default upload limit: 16 GiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 16L << 30;

    /**
     * Checks the settings.
     *
     * @param host           the interface to bind
     * @param port           the TCP port, 0 to 65535
     * @param tokens         the tokens
     * @param maxUploadBytes at least 1
     * @param corsOrigins    allowed origins, possibly empty
     * @throws IllegalArgumentException if the port or the limit is out of range
     * @throws NullPointerException     if an argument is null
     */
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tokens, "tokens");
        corsOrigins = List.copyOf(corsOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: must be 0 to 65535, got " + port);
        }
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("--max-upload: must be at least 1 byte, got " + maxUploadBytes);
        }
    }

    /**
     * Settings with the default upload limit and CORS off.
     *
     * @param host   the interface to bind
     * @param port   the TCP port, 0 for a free one
     * @param tokens the tokens
     * @return the settings
     */
    public static ServerSettings of(String host, int port, Tokens tokens) {
        return new ServerSettings(host, port, tokens, DEFAULT_MAX_UPLOAD_BYTES, List.of());
    }
}
