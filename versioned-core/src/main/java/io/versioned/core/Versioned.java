package io.versioned.core;

import io.versioned.api.BackendException;
import io.versioned.api.Repository;
import io.versioned.api.VersionedException;
import io.versioned.core.spi.CacheProvider;
import io.versioned.core.spi.CacheSettings;
import io.versioned.core.spi.RepositoryLocation;
import io.versioned.core.spi.RepositoryOptions;
import io.versioned.core.spi.RepositoryProvider;
import io.versioned.core.spi.RepositoryUris;
import io.versioned.core.spi.StorePorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Opens a repository chosen by a URI, the way a JDBC URL chooses a driver:
 *
 * <pre>{@code
 * try (Repository repository = Versioned.open(System.getenv("ARTIFACTS_REPO"))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The URI forms of the built-in backends ({@code memory:}, {@code embedded:DIR},
 * {@code jdbc:postgresql://HOST/DB?blobs=DIR}, {@code s3+dynamodb://BUCKET/PREFIX?table=TABLE},
 * {@code s3://BUCKET/PREFIX}) are described in {@code docs/choosing-a-backend.md}. A backend is reachable when its
 * module is on the class path: each module registers a {@link RepositoryProvider} for {@link ServiceLoader}, and
 * third parties can add their own the same way. The providers are looked up with the thread's context class loader
 * (else this class's) on every call.
 */
public final class Versioned {

    private Versioned() {
    }

    /**
     * Opens the repository at {@code uri} with {@link RepositoryOptions#defaults()}: not bootstrapped.
     *
     * @param uri the repository URI, e.g. {@code embedded:./.versioned}
     * @return the repository, thread-safe; close it when done (that closes its clients and connection pools)
     * @throws IllegalArgumentException            if {@code uri} is blank, malformed, or of a scheme no provider
     *                                             on the class path opens
     * @throws io.versioned.api.BackendException if the backend's clients or connection pool cannot be made
     */
    public static Repository open(String uri) {
        return open(uri, RepositoryOptions.defaults());
    }

    /**
     * Opens the repository at {@code uri} with what {@code options} hands in, and bootstraps it when
     * {@link RepositoryOptions#bootstrap()} asks for it (closing it again if that fails).
     *
     * @param uri     the repository URI
     * @param options bootstrap, clock, environment, the application's own clients or data source, and a cache;
     *                the URI parameters {@code cache=DIR}, {@code cacheTtl}, {@code cacheMaxBytes} and
     *                {@code cacheMaxStale} ask for a cache too, whatever the scheme ({@code docs/serving.md})
     * @return the repository, thread-safe; close it when done
     * @throws IllegalArgumentException            if {@code uri} is blank, malformed, or of a scheme no provider
     *                                             on the class path opens, or {@code options} is null
     * @throws io.versioned.api.BackendException if the backend cannot be opened, or bootstrapped when asked
     */
    public static Repository open(String uri, RepositoryOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        CacheSettings.Split split = uri == null ? new CacheSettings.Split(null, Optional.empty())
                : CacheSettings.split(uri.strip());
        Optional<CacheSettings> cache = split.cache().or(options::cache);
        CacheProvider cacheProvider = cache.isPresent() ? cacheProvider() : null;
        StorePorts ports = openStores(location(split.uri()), options);
        Repository repository = Repositories.of(ports.blobs(), ports.metadata(), options.clock());
        if (cacheProvider != null) {
            repository = cacheProvider.wrap(repository, cache.get(), options);
        }
        if (options.bootstrap()) {
            try {
                repository.bootstrap();
            } catch (RuntimeException e) {
                try {
                    repository.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
        return repository;
    }

    /**
     * Parses {@code uri} with the provider of its scheme, without opening anything.
     *
     * @param uri the repository URI
     * @return the validated location; its {@code toString()} masks secrets
     * @throws IllegalArgumentException if {@code uri} is blank, has no scheme, is of a scheme no provider on the
     *                                  class path opens (the message lists the schemes found), or is malformed
     *                                  (the message names the rule and the accepted forms)
     */
    public static RepositoryLocation location(String uri) {
        if (uri == null || uri.isBlank()) {
            throw RepositoryUris.invalid("must not be blank");
        }
        String trimmed = uri.strip();
        int colon = trimmed.indexOf(':');
        Map<String, RepositoryProvider> providers = providers();
        if (colon < 1) {
            throw RepositoryUris.invalid("'" + trimmed + "' has no scheme; use " + forms(providers));
        }
        String scheme = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        RepositoryProvider provider = providers.get(scheme);
        if (provider == null) {
            throw RepositoryUris.invalid("unknown scheme '" + scheme + "'; the schemes on the class path are "
                    + String.join(", ", providers.keySet()) + "; use " + forms(providers));
        }
        return provider.parse(trimmed);
    }

    /**
     * Opens the two stores of {@code location}, for callers that compose more than a {@link Repository} over them
     * (such as {@link Maintenance}). A failure of the provider other than an {@link IllegalArgumentException} or a
     * {@link VersionedException} becomes a {@link BackendException} naming the location (secrets masked).
     *
     * @param location where the repository lives
     * @param options  what the application hands in
     * @return the stores; the caller closes them
     * @throws IllegalArgumentException if an argument is null or the provider refuses an option
     * @throws BackendException         if the stores cannot be opened
     */
    public static StorePorts openStores(RepositoryLocation location, RepositoryOptions options) {
        if (location == null) {
            throw new IllegalArgumentException("location: must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options: must not be null");
        }
        try {
            return location.open(options);
        } catch (IllegalArgumentException | VersionedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackendException("could not open the repository " + location + ": " + e, e, false);
        }
    }

    private static CacheProvider cacheProvider() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(CacheProvider.class, loader != null ? loader : Versioned.class.getClassLoader())
                .findFirst().orElseThrow(() -> RepositoryUris.invalid(
                        "cache: needs the module versioned-cache on the class path"));
    }

    /**
     * The schemes of the providers on the class path, sorted: the URIs {@link #open(String)} accepts.
     *
     * @return the schemes in lower case, e.g. {@code embedded}, {@code memory}; a new set on every call
     * @throws IllegalStateException if two providers claim the same scheme (the message names both)
     */
    public static SortedSet<String> schemes() {
        return new TreeSet<>(providers().keySet());
    }

    /**
     * The providers on the class path by scheme, sorted by scheme.
     *
     * @throws IllegalStateException if two providers claim the same scheme (the message names both)
     */
    private static Map<String, RepositoryProvider> providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<RepositoryProvider> found = ServiceLoader.load(RepositoryProvider.class,
                loader != null ? loader : Versioned.class.getClassLoader());
        Map<String, RepositoryProvider> byScheme = new TreeMap<>();
        for (RepositoryProvider provider : found) {
            for (String scheme : provider.schemes()) {
                RepositoryProvider other = byScheme.putIfAbsent(scheme.toLowerCase(Locale.ROOT), provider);
                if (other != null && !other.getClass().equals(provider.getClass())) {
                    throw new IllegalStateException("two repository providers claim the scheme '" + scheme + "': "
                            + other.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
        }
        return byScheme;
    }

    private static String forms(Map<String, RepositoryProvider> providers) {
        List<String> forms = new ArrayList<>();
        for (RepositoryProvider provider : providers.values()) {
            if (!forms.contains(provider.forms())) {
                forms.add(provider.forms());
            }
        }
        return forms.isEmpty() ? "(no repository provider is on the class path)" : String.join(", ", forms);
    }
}
