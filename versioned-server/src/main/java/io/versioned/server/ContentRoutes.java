package io.versioned.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.versioned.api.Artifact;
import io.versioned.api.Names;
import io.versioned.api.PutOptions;
import io.versioned.api.Repository;
import io.versioned.api.Version;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The byte routes: download a version's content (streamed, {@code ETag} = its SHA-256, {@code If-None-Match},
 * single {@code Range}s) and upload LATEST's content (streamed into the store, never held whole, with an optional
 * SHA-256 precondition and the server's size limit).
 */
final class ContentRoutes {

    /** The request header naming the SHA-256 an upload must have. */
    static final String SHA256_HEADER = "X-Content-SHA256";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Repository repository;
    private final long maxUploadBytes;

    ContentRoutes(Repository repository, long maxUploadBytes) {
        this.repository = repository;
        this.maxUploadBytes = maxUploadBytes;
    }

    List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, VersionedServer.API + "/artifacts/{name}/versions/{version}/content",
                        Scope.READ, this::download),
                new Route(HandlerType.PUT, VersionedServer.API + "/artifacts/{name}/content", Scope.ADMIN,
                        this::upload));
    }

    private void download(Context ctx) throws Exception {
        String name = Names.artifact(ctx.pathParam("name"));
        Version version = Version.parse(ctx.pathParam("version"));
        Artifact artifact = repository.getArtifactVersion(name, version);
        String etag = "\"" + artifact.sha256() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), artifact.sha256())) {
            ctx.status(304);
            return;
        }
        String ifRange = ctx.header("If-Range");
        Optional<ByteRange> range = ifRange == null || ifRange.strip().equals(etag)
                ? ByteRange.parse(ctx.header("Range"), artifact.size()) : Optional.empty();
        ctx.contentType(artifact.contentType());
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(artifact.size());
        if (range.isPresent()) {
            ctx.status(206);
            ctx.header("Content-Range", range.get().contentRange(artifact.size()));
        }
        ctx.res().setContentLengthLong(length);
        try (InputStream in = repository.openContent(name, version)) {
            in.skipNBytes(first);
            copy(in, ctx.outputStream(), length);
        }
    }

    private void upload(Context ctx) {
        String name = Names.artifact(ctx.pathParam("name"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxUploadBytes) {
            throw new ApiProblem(413, "payload_too_large", "Content-Length: must be at most " + maxUploadBytes
                    + " bytes (the server's --max-upload), got " + declared);
        }
        Optional<String> expected = Optional.ofNullable(ctx.header(SHA256_HEADER))
                .map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (expected.isPresent() && !SHA256.matcher(expected.get()).matches()) {
            throw new IllegalArgumentException(SHA256_HEADER + ": must be 64 hex digits, got '"
                    + ctx.header(SHA256_HEADER) + "'");
        }
        PutOptions.Builder options = PutOptions.builder();
        Optional.ofNullable(ctx.header("Content-Type")).filter(type -> !type.isBlank())
                .ifPresent(options::contentType);
        PutOptions built = options.build();
        UploadBody body = new UploadBody(ctx.bodyInputStream(), maxUploadBytes, expected);
        Artifact stored;
        try {
            stored = repository.putArtifact(name, body, built);
        } catch (RuntimeException e) {
            throw body.rejection().<RuntimeException>map(problem -> problem).orElse(e);
        }
        ctx.status(201).contentType("application/json").result(Json.write(Json.artifact(stored)));
    }

    /** Whether an {@code If-None-Match} header names the entity tag of content with {@code sha256}. */
    static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("*") || trimmed.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the content ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
