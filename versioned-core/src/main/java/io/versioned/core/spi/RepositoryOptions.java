package io.versioned.core.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an application hands to {@link io.versioned.core.Versioned#open(String, RepositoryOptions)} besides the URI:
 * whether to bootstrap, the clock, the environment, and objects it already has, such as its own
 * {@code S3Client}, {@code DynamoDbClient} or {@code DataSource} (that is also how metrics and tracing get in: an
 * SDK client with its interceptors, a pooled data source). Immutable; made by {@link #builder()}.
 *
 * <pre>{@code
 * RepositoryOptions options = RepositoryOptions.builder()
 *         .bootstrap(true)
 *         .component(S3Client.class, s3)                // used by s3+dynamodb: and s3:
 *         .component(DynamoDbClient.class, dynamoDb)    // used by s3+dynamodb:
 *         .component(DataSource.class, pool)            // used by jdbc:
 *         .build();
 * }</pre>
 *
 * <p>A component is looked up by its exact type; a provider ignores components it does not use, and what is
 * handed in stays the application's to close. Which components each built-in provider uses:
 * {@code docs/choosing-a-backend.md}.
 */
public final class RepositoryOptions {

    private static final RepositoryOptions DEFAULTS = builder().build();

    private final boolean bootstrap;
    private final Clock clock;
    private final Map<String, String> environment;
    private final Duration connectionTimeout;
    private final Map<Class<?>, Object> components;
    private final CacheSettings cache;

    private RepositoryOptions(Builder builder) {
        this.cache = builder.cache;
        this.bootstrap = builder.bootstrap;
        this.clock = builder.clock;
        this.environment = builder.environment == null ? null : Map.copyOf(builder.environment);
        this.connectionTimeout = builder.connectionTimeout;
        this.components = Map.copyOf(builder.components);
    }

    /**
     * No bootstrap, the system UTC clock, the process's environment, each provider's own time-outs, no cache and no
     * components.
     *
     * @return the default options, a shared instance
     */
    public static RepositoryOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code open} bootstraps the repository (creates its storage when missing) before returning it.
     *
     * @return true to bootstrap on open; false (the default) leaves it to
     *         {@link io.versioned.api.Repository#bootstrap()}
     */
    public boolean bootstrap() {
        return bootstrap;
    }

    /**
     * The one source of time of the repository: version and alias timestamps and purge cut-offs are read from it.
     *
     * @return the clock; {@link Clock#systemUTC()} unless set
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The environment variables a provider may read (for example {@code AWS_REGION} when the URI names no
     * region): the ones set by {@link Builder#environment(Map)}, else the process's.
     *
     * @return the variables, unmodifiable
     */
    public Map<String, String> environment() {
        return environment == null ? System.getenv() : environment;
    }

    /**
     * How long an operation waits for a database connection (held by another process, or a server that cannot be
     * reached) before it fails with a retryable {@link io.versioned.api.BackendException}; empty for the
     * provider's default. Providers without a connection pool ignore it.
     *
     * @return the time-out, or empty for the provider's default
     */
    public Optional<Duration> connectionTimeout() {
        return Optional.ofNullable(connectionTimeout);
    }

    /**
     * The component of exactly {@code type} the application handed in, if any.
     *
     * @param type the type it was registered under, e.g. {@code S3Client.class}
     * @param <T>  that type
     * @return the component, or empty if none was registered under exactly {@code type}
     */
    public <T> Optional<T> component(Class<T> type) {
        return Optional.ofNullable(type.cast(components.get(type)));
    }

    /**
     * The cache to put in front of the repository ({@code versioned-cache} on the class path), if asked for; a
     * {@code cache=DIR} parameter of the URI takes precedence. See {@code docs/serving.md}.
     *
     * @return the cache settings, or empty for no cache (the default)
     */
    public Optional<CacheSettings> cache() {
        return Optional.ofNullable(cache);
    }

    /** Builds {@link RepositoryOptions}. Not thread-safe. */
    public static final class Builder {

        private boolean bootstrap;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment;
        private Duration connectionTimeout;
        private final Map<Class<?>, Object> components = new LinkedHashMap<>();
        private CacheSettings cache;

        private Builder() {
        }

        /**
         * Reads through a local cache ({@code versioned-cache} must be on the class path).
         *
         * @param cache the folder, time-to-live, bound and maximum staleness
         * @return this builder
         * @throws IllegalArgumentException if {@code cache} is null
         */
        public Builder cache(CacheSettings cache) {
            if (cache == null) {
                throw new IllegalArgumentException("cache: must not be null");
            }
            this.cache = cache;
            return this;
        }

        /**
         * Whether {@code open} bootstraps the repository before returning it: creates the folder, schema, bucket or
         * table when missing, and changes nothing that exists. Default false.
         *
         * @param bootstrap true to bootstrap
         * @return this builder
         */
        public Builder bootstrap(boolean bootstrap) {
            this.bootstrap = bootstrap;
            return this;
        }

        /**
         * The repository's clock (read in UTC), e.g. a fixed clock in tests.
         *
         * @param clock the clock
         * @return this builder
         * @throws IllegalArgumentException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock: must not be null");
            }
            this.clock = clock;
            return this;
        }

        /**
         * The environment variables providers read instead of the process's.
         *
         * @param environment the variables
         * @return this builder
         * @throws IllegalArgumentException if {@code environment} is null
         */
        public Builder environment(Map<String, String> environment) {
            if (environment == null) {
                throw new IllegalArgumentException("environment: must not be null");
            }
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * How long an operation waits for a database connection; see {@link RepositoryOptions#connectionTimeout()}.
         *
         * @param timeout at least 250 ms
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is null or below 250 ms
         */
        public Builder connectionTimeout(Duration timeout) {
            if (timeout == null || timeout.compareTo(Duration.ofMillis(250)) < 0) {
                throw new IllegalArgumentException("connectionTimeout: must be at least 250 ms, got " + timeout);
            }
            this.connectionTimeout = timeout;
            return this;
        }

        /**
         * Hands in an object the application already has, found by providers under exactly {@code type}.
         *
         * @param type      the type providers look it up by, e.g. {@code S3Client.class}
         * @param component the object, which stays the application's to close
         * @param <T>       that type
         * @return this builder
         * @throws IllegalArgumentException if either argument is null
         */
        public <T> Builder component(Class<T> type, T component) {
            if (type == null) {
                throw new IllegalArgumentException("type: must not be null");
            }
            if (component == null) {
                throw new IllegalArgumentException("component: must not be null");
            }
            components.put(type, type.cast(component));
            return this;
        }

        /**
         * The options.
         *
         * @return immutable options; later changes to this builder do not affect them
         */
        public RepositoryOptions build() {
            return new RepositoryOptions(this);
        }
    }
}
