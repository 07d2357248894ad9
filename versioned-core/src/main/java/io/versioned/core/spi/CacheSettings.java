package io.versioned.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a repository opened by {@link io.versioned.core.Versioned#open(String, RepositoryOptions)} caches what it
 * reads (the cache itself is in the {@code versioned-cache} module; {@code docs/serving.md}).
 *
 * @param directory where the content lives, shared safely by several processes
 * @param ttl       how long alias records, LATEST and listings are served without asking the store
 * @param maxBytes  the bound of the content on disk; the least recently used files are deleted beyond it
 * @param maxStale  how long after its time-to-live a record is still served when the store fails
 */
public record CacheSettings(Path directory, Duration ttl, long maxBytes, Duration maxStale) {

    /** The URI parameter naming the cache folder; the other parameters are only read when it is present. */
    public static final String DIRECTORY_PARAMETER = "cache";
    /** The default time-to-live: 30 s. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** The default bound: 10 GiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024 * 1024;
    /** The default maximum staleness: 1 h. */
    public static final Duration DEFAULT_MAX_STALE = Duration.ofHours(1);

    private static final Map<String, String> PARAMETERS = Map.of(DIRECTORY_PARAMETER, "a folder",
            "cacheTtl", "a duration such as 30s", "cacheMaxBytes", "a number of bytes, or with k, m or g",
            "cacheMaxStale", "a duration such as 1h");

    /**
     * Checks the settings and makes {@code directory} absolute and normal.
     *
     * @param directory the cache folder; created when the cache opens
     * @param ttl       how long alias records, LATEST and listings are served without asking the store; zero asks
     *                  every time
     * @param maxBytes  the bound of the content on disk, in bytes
     * @param maxStale  how long after its time-to-live a record is still served when the store fails; zero never
     *                  serves a stale record
     * @throws IllegalArgumentException if an argument is null, a duration negative or {@code maxBytes} below 1
     */
    public CacheSettings {
        if (directory == null) {
            throw new IllegalArgumentException("cache: the directory must not be null");
        }
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl: must not be negative, got " + ttl);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("cacheMaxBytes: must be at least 1, got " + maxBytes);
        }
        if (maxStale == null || maxStale.isNegative()) {
            throw new IllegalArgumentException("cacheMaxStale: must not be negative, got " + maxStale);
        }
        directory = directory.toAbsolutePath().normalize();
    }

    /**
     * The settings with the defaults for everything but the folder.
     *
     * @param directory the cache folder
     * @return the settings
     */
    public static CacheSettings of(Path directory) {
        return new CacheSettings(directory, DEFAULT_TTL, DEFAULT_MAX_BYTES, DEFAULT_MAX_STALE);
    }

    /**
     * Splits the cache parameters ({@code cache}, {@code cacheTtl}, {@code cacheMaxBytes}, {@code cacheMaxStale})
     * off a repository URI, leaving the rest for the backend's provider.
     *
     * @param uri the repository URI, e.g. {@code embedded:./data?cache=/var/cache/versioned&cacheTtl=10s}
     * @return the URI without those parameters, and the settings when {@code cache} was given
     * @throws IllegalArgumentException ({@code uri: } ...) if a cache parameter is malformed, or given without
     *                                  {@code cache}
     */
    public static Split split(String uri) {
        int question = uri.indexOf('?');
        if (question < 0) {
            return new Split(uri, Optional.empty());
        }
        StringBuilder rest = new StringBuilder();
        Map<String, String> found = new LinkedHashMap<>();
        for (String pair : uri.substring(question + 1).split("&", -1)) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (PARAMETERS.containsKey(key)) {
                found.put(key, RepositoryUris.decode(equals < 0 ? "" : pair.substring(equals + 1)));
            } else if (!pair.isEmpty()) {
                rest.append(rest.length() == 0 ? "" : "&").append(pair);
            }
        }
        String base = uri.substring(0, question) + (rest.length() == 0 ? "" : "?" + rest);
        if (found.isEmpty()) {
            return new Split(base, Optional.empty());
        }
        String directory = found.get(DIRECTORY_PARAMETER);
        if (directory == null || directory.isBlank()) {
            throw RepositoryUris.invalid("cache: " + String.join(", ", found.keySet())
                    + " needs cache=DIR, the cache folder");
        }
        try {
            Duration ttl = found.containsKey("cacheTtl") ? Durations.parse(found.get("cacheTtl")) : DEFAULT_TTL;
            Duration stale = found.containsKey("cacheMaxStale") ? Durations.parse(found.get("cacheMaxStale"))
                    : DEFAULT_MAX_STALE;
            long bytes = found.containsKey("cacheMaxBytes") ? bytes(found.get("cacheMaxBytes")) : DEFAULT_MAX_BYTES;
            return new Split(base, Optional.of(new CacheSettings(Path.of(directory), ttl, bytes, stale)));
        } catch (IllegalArgumentException e) {
            throw RepositoryUris.invalid(e.getMessage());
        }
    }

    private static long bytes(String text) {
        String trimmed = text.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (trimmed.endsWith("k") || trimmed.endsWith("m") || trimmed.endsWith("g")) {
            unit = switch (trimmed.charAt(trimmed.length() - 1)) {
                case 'k' -> 1024L;
                case 'm' -> 1024L * 1024;
                default -> 1024L * 1024 * 1024;
            };
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(trimmed), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("cacheMaxBytes: must be " + PARAMETERS.get("cacheMaxBytes")
                    + ", e.g. 512m, got '" + text + "'");
        }
    }

    /**
     * A repository URI with its cache parameters taken off.
     *
     * @param uri   the URI for the backend's provider
     * @param cache the cache settings, if the URI asked for a cache
     */
    public record Split(String uri, Optional<CacheSettings> cache) {
    }
}
