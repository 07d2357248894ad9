package io.versioned.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a repository lives, parsed from the {@code --repo} option or the {@code VERSIONED_REPO} variable. Each
 * scheme is a record whose components are validated when it is made; {@link #parse(String)} turns text into one
 * and refuses unknown schemes, unknown parameters and malformed locations with an
 * {@link IllegalArgumentException} whose message names {@code --repo} and the rule.
 *
 * <p>{@code toString()} gives the URI back in a canonical form (absolute paths, a password masked).
 *
 * <ul>
 *   <li>{@code embedded:DIR}: H2 database and blob folder under {@code DIR} (the default, {@code ./.versioned})</li>
 *   <li>{@code memory:}: in memory, gone when the process ends</li>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB[?PARAMS]&blobs=DIR}: PostgreSQL metadata, blobs in {@code DIR}</li>
 *   <li>{@code s3+dynamodb://BUCKET[/PREFIX]?table=TABLE[&region=R][&endpoint=URL][&dynamodb-endpoint=URL]}: S3
 *       blobs, DynamoDB metadata</li>
 *   <li>{@code s3://BUCKET[/PREFIX][?region=R][&endpoint=URL]}: S3 blobs and S3 metadata (no database)</li>
 * </ul>
 */
public sealed interface RepositoryUri {

    /** The repository used when neither {@code --repo} nor {@code VERSIONED_REPO} is given. */
    String DEFAULT = "embedded:./.versioned";

    /** The usage summary quoted by every parse error. */
    String FORMS = "embedded:DIR, memory:, jdbc:postgresql://HOST/DB?blobs=DIR, "
            + "s3+dynamodb://BUCKET/PREFIX?table=TABLE[&region=R][&endpoint=URL][&dynamodb-endpoint=URL], "
            + "s3://BUCKET/PREFIX[?region=R][&endpoint=URL]";

    /** The scheme, as written in a URI: {@code embedded}, {@code memory}, {@code jdbc}, {@code s3+dynamodb}, {@code s3}. */
    String scheme();

    /** True when opening the repository may create its storage (a local folder, a schema) without being asked. */
    boolean bootstrapsImplicitly();

    /**
     * Parses a repository URI.
     *
     * @throws IllegalArgumentException if {@code text} is null, blank, of an unknown scheme, or malformed; the
     *                                  message names {@code --repo}, the rule and the accepted forms
     */
    static RepositoryUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("must not be blank");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon < 1) {
            throw invalid("'" + trimmed + "' has no scheme; use " + FORMS);
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = trimmed.substring(colon + 1);
        return switch (scheme) {
            case "embedded" -> Embedded.parse(rest);
            case "memory" -> Memory.parse(rest);
            case "jdbc" -> Jdbc.parse(trimmed);
            case "s3+dynamodb" -> S3Dynamo.parse(trimmed);
            case "s3" -> S3Only.parse(trimmed);
            default -> throw invalid("unknown scheme '" + scheme + "' in '" + trimmed + "'; use " + FORMS);
        };
    }

    /**
     * The embedded repository: an H2 database file and a blob folder under one directory.
     *
     * @param directory the repository directory, absolute and normalized
     */
    record Embedded(Path directory) implements RepositoryUri {

        public Embedded {
            Objects.requireNonNull(directory, "directory");
            directory = directory.toAbsolutePath().normalize();
        }

        static Embedded parse(String location) {
            if (location.isBlank()) {
                throw invalid("embedded: needs a directory, e.g. embedded:./.versioned");
            }
            String expanded = location.startsWith("~/")
                    ? System.getProperty("user.home") + location.substring(1) : location;
            try {
                return new Embedded(Path.of(expanded));
            } catch (InvalidPathException e) {
                throw invalid("embedded: '" + location + "' is not a valid directory path");
            }
        }

        @Override
        public String scheme() {
            return "embedded";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        @Override
        public String toString() {
            return "embedded:" + directory;
        }
    }

    /** A repository in this process's memory, empty when the process starts. */
    record Memory() implements RepositoryUri {

        static Memory parse(String location) {
            if (!location.isEmpty()) {
                throw invalid("memory: takes no location, got 'memory:" + location + "'");
            }
            return new Memory();
        }

        @Override
        public String scheme() {
            return "memory";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        @Override
        public String toString() {
            return "memory:";
        }
    }

    /**
     * Metadata in a database reached by JDBC, bytes in a local folder.
     *
     * @param jdbcUrl       the JDBC URL without the {@code blobs} parameter, e.g. {@code jdbc:postgresql://db/versioned}
     * @param blobDirectory the folder holding the bytes, absolute and normalized
     */
    record Jdbc(String jdbcUrl, Path blobDirectory) implements RepositoryUri {

        private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://[^/?#]+/[^/?#]+(\\?.*)?");

        public Jdbc {
            if (jdbcUrl == null || !POSTGRES.matcher(jdbcUrl).matches()) {
                throw invalid("jdbc: must look like jdbc:postgresql://HOST[:PORT]/DATABASE?blobs=DIR, got '"
                        + jdbcUrl + "'");
            }
            Objects.requireNonNull(blobDirectory, "blobDirectory");
            blobDirectory = blobDirectory.toAbsolutePath().normalize();
        }

        static Jdbc parse(String text) {
            int question = text.indexOf('?');
            String base = question < 0 ? text : text.substring(0, question);
            Map<String, String> parameters = new LinkedHashMap<>();
            StringBuilder kept = new StringBuilder();
            if (question >= 0) {
                for (String pair : text.substring(question + 1).split("&")) {
                    if (pair.startsWith("blobs=")) {
                        parameters.put("blobs", decode(pair.substring("blobs=".length())));
                    } else if (!pair.isEmpty()) {
                        kept.append(kept.length() == 0 ? "?" : "&").append(pair);
                    }
                }
            }
            String blobs = parameters.get("blobs");
            if (blobs == null || blobs.isBlank()) {
                throw invalid("jdbc: needs a blob folder, e.g. " + base + "?blobs=/var/lib/versioned/blobs");
            }
            try {
                return new Jdbc(base + kept, Path.of(blobs));
            } catch (InvalidPathException e) {
                throw invalid("jdbc: blobs='" + blobs + "' is not a valid directory path");
            }
        }

        @Override
        public String scheme() {
            return "jdbc";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return true;
        }

        @Override
        public String toString() {
            return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***")
                    + (jdbcUrl.contains("?") ? "&" : "?") + "blobs=" + blobDirectory;
        }
    }

    /**
     * An S3 bucket and key prefix, with an optional region and endpoint.
     *
     * @param bucket   the bucket name
     * @param prefix   the repository's key prefix without leading or trailing {@code /}; {@value #DEFAULT_PREFIX} when
     *                 the URI has no path
     * @param region   the AWS region; empty to use {@code AWS_REGION}, then {@code us-east-1}
     * @param endpoint an S3-compatible endpoint (path-style addressing is then used); empty for AWS
     */
    record S3Location(String bucket, String prefix, Optional<String> region, Optional<URI> endpoint) {

        /** The prefix of a URI without a path, the same as the Python library's default. */
        public static final String DEFAULT_PREFIX = "versioned-artifacts";

        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
        private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        public S3Location {
            if (bucket == null || !BUCKET.matcher(bucket).matches()) {
                throw invalid("the bucket must be 3 to 63 lower-case letters, digits, '.' or '-', got '"
                        + bucket + "'");
            }
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("//")) {
                throw invalid("the prefix must be non-empty, not start or end with '/' and not contain '//', got '"
                        + prefix + "'");
            }
            Objects.requireNonNull(region, "region");
            region.ifPresent(name -> {
                if (!REGION.matcher(name).matches()) {
                    throw invalid("region must be an AWS region such as us-east-1, got '" + name + "'");
                }
            });
            Objects.requireNonNull(endpoint, "endpoint");
            endpoint.ifPresent(url -> requireEndpoint("endpoint", url));
        }

        static S3Location from(ParsedUri parsed) {
            String region = parsed.parameters().get("region");
            return new S3Location(parsed.authority(), parsed.path().isEmpty() ? DEFAULT_PREFIX : parsed.path(),
                    Optional.ofNullable(region),
                    Optional.ofNullable(parsed.parameters().get("endpoint")).map(url -> parseEndpoint("endpoint", url)));
        }

        /** The region to use: the URI's, else {@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}, else us-east-1. */
        public String regionOr(Map<String, String> environment) {
            return region.or(() -> Optional.ofNullable(environment.get("AWS_REGION")))
                    .or(() -> Optional.ofNullable(environment.get("AWS_DEFAULT_REGION")))
                    .filter(name -> !name.isBlank()).orElse("us-east-1");
        }

        @Override
        public String toString() {
            return bucket + "/" + prefix + region.map(name -> "?region=" + name).orElse("")
                    + endpoint.map(url -> (region.isPresent() ? "&" : "?") + "endpoint=" + url).orElse("");
        }
    }

    /**
     * Bytes in S3, metadata in a DynamoDB table.
     *
     * @param location         the bucket, prefix, region and endpoint
     * @param table            the DynamoDB table name
     * @param dynamoDbEndpoint a DynamoDB-compatible endpoint ({@code dynamodb-endpoint=URL}); empty to use the S3
     *                         endpoint of {@code location} if any (one endpoint serving both, as LocalStack does),
     *                         else AWS
     */
    record S3Dynamo(S3Location location, String table, Optional<URI> dynamoDbEndpoint) implements RepositoryUri {

        private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

        public S3Dynamo {
            Objects.requireNonNull(location, "location");
            if (table == null || !TABLE.matcher(table).matches()) {
                throw invalid("s3+dynamodb: table must be 3 to 255 letters, digits, '_', '-' or '.', got '"
                        + table + "'");
            }
            Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
            dynamoDbEndpoint.ifPresent(url -> requireEndpoint("dynamodb-endpoint", url));
        }

        static S3Dynamo parse(String text) {
            ParsedUri parsed = ParsedUri.of(text, Set.of("table", "region", "endpoint", "dynamodb-endpoint"));
            if (!parsed.parameters().containsKey("table")) {
                throw invalid("s3+dynamodb: needs a table, e.g. s3+dynamodb://my-bucket/artifacts?table=versioned");
            }
            return new S3Dynamo(S3Location.from(parsed), parsed.parameters().get("table"),
                    Optional.ofNullable(parsed.parameters().get("dynamodb-endpoint"))
                            .map(url -> parseEndpoint("dynamodb-endpoint", url)));
        }

        /** The endpoint DynamoDB is reached at: {@code dynamodb-endpoint}, else the S3 endpoint, else AWS. */
        public Optional<URI> effectiveDynamoDbEndpoint() {
            return dynamoDbEndpoint.or(location::endpoint);
        }

        @Override
        public String scheme() {
            return "s3+dynamodb";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return false;
        }

        @Override
        public String toString() {
            String location = this.location.toString();
            return "s3+dynamodb://" + location + (location.contains("?") ? "&" : "?") + "table=" + table
                    + dynamoDbEndpoint.map(url -> "&dynamodb-endpoint=" + url).orElse("");
        }
    }

    /**
     * Bytes and metadata in S3, no database.
     *
     * @param location the bucket, prefix, region and endpoint
     */
    record S3Only(S3Location location) implements RepositoryUri {

        public S3Only {
            Objects.requireNonNull(location, "location");
        }

        static S3Only parse(String text) {
            return new S3Only(S3Location.from(ParsedUri.of(text, Set.of("region", "endpoint"))));
        }

        @Override
        public String scheme() {
            return "s3";
        }

        @Override
        public boolean bootstrapsImplicitly() {
            return false;
        }

        @Override
        public String toString() {
            return "s3://" + location;
        }
    }

    /** The parts of a {@code scheme://authority/path?query} URI, with the query decoded and checked. */
    record ParsedUri(String authority, String path, Map<String, String> parameters) {

        static ParsedUri of(String text, Set<String> allowed) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw invalid("'" + text + "' is not a valid URI: " + e.getReason());
            }
            if (uri.getRawAuthority() == null) {
                throw invalid(uri.getScheme() + ": needs a bucket, e.g. " + uri.getScheme() + "://my-bucket/artifacts");
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            path = path.startsWith("/") ? path.substring(1) : path;
            path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            Map<String, String> parameters = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int equals = pair.indexOf('=');
                    String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                    String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                    if (!allowed.contains(key)) {
                        throw invalid(uri.getScheme() + ": unknown parameter '" + key + "'; allowed: "
                                + String.join(", ", allowed.stream().sorted().toList()));
                    }
                    if (value.isBlank()) {
                        throw invalid(uri.getScheme() + ": parameter '" + key + "' needs a value");
                    }
                    parameters.put(key, value);
                }
            }
            return new ParsedUri(uri.getRawAuthority(), path, parameters);
        }
    }

    private static URI parseEndpoint(String parameter, String text) {
        try {
            URI url = new URI(text);
            requireEndpoint(parameter, url);
            return url;
        } catch (URISyntaxException e) {
            throw invalid(parameter + " must be an http or https URL with a host, got '" + text + "'");
        }
    }

    private static void requireEndpoint(String parameter, URI url) {
        if (url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw invalid(parameter + " must be an http or https URL with a host, got '" + url + "'");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("--repo: " + problem);
    }
}
