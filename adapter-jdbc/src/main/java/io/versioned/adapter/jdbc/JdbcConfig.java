package io.versioned.adapter.jdbc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the metadata database.
 *
 * @param jdbcUrl         the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/versioned} or
 *                        {@code jdbc:h2:file:/data/.versioned/metadata}
 * @param user            the user name (may be empty)
 * @param password        the password (may be empty); never shown by {@link #toString()}
 * @param maximumPoolSize   the most connections the pool opens, at least 1
 * @param connectionTimeout how long a call waits for a connection (a free one from the pool, or a new one while
 *                          the database cannot be reached) before it fails with a retryable
 *                          {@link io.versioned.api.BackendException}; at least 250 ms
 */
public record JdbcConfig(String jdbcUrl, String user, String password, int maximumPoolSize,
                         Duration connectionTimeout) {

    /** The pool size of {@link #builder()} and {@link #embeddedH2(Path)}. */
    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;

    /** The connection time-out of {@link #builder()} and {@link #embeddedH2(Path)}. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    /** The file name (without H2's {@code .mv.db} suffix) of the embedded database inside its directory. */
    public static final String EMBEDDED_DATABASE_NAME = "metadata";

    /**
     * H2 settings of the embedded database: wait up to 10 s for a row lock held by a concurrent writer; write every
     * commit to the file at once (no 500 ms write delay), so a committed change survives the process; and do not
     * compact the file when the database closes ({@code MAX_COMPACT_TIME=0}): H2 2.3.232 compacts after its last
     * commit on close and can so lose committed changes (H2 issue 4247, see docs/reliability.md). {@link
     * JdbcMetadataPort} also forces every write to disk ({@code CHECKPOINT SYNC}) before it returns. Several processes
     * share the file ({@code AUTO_SERVER=TRUE}, H2's automatic mixed mode): see {@link #embeddedH2(Path)}.
     */
    private static final String EMBEDDED_H2_OPTIONS =
            ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;MAX_COMPACT_TIME=0;AUTO_SERVER=TRUE";

    /**
     * @throws IllegalArgumentException if {@code jdbcUrl} does not start with {@code jdbc:}, {@code user} or
     *                                  {@code password} is null, {@code maximumPoolSize} is below 1, or
     *                                  {@code connectionTimeout} is null or below 250 ms
     */
    public JdbcConfig {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl: must start with 'jdbc:', got " + jdbcUrl);
        }
        if (user == null) {
            throw new IllegalArgumentException("user: must not be null (use \"\" for none)");
        }
        if (password == null) {
            throw new IllegalArgumentException("password: must not be null (use \"\" for none)");
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize: must be at least 1, got " + maximumPoolSize);
        }
        if (connectionTimeout == null || connectionTimeout.compareTo(MINIMUM_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout: must be at least 250 ms, got " + connectionTimeout);
        }
    }

    /**
     * A builder with an empty user and password, a pool of {@value #DEFAULT_MAXIMUM_POOL_SIZE} and a connection
     * time-out of 30 s.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The embedded default: an H2 database in the file {@code {directory}/metadata.mv.db}, created on first use.
     * Several processes use it at once (H2's automatic mixed mode): the first to open the file serves it to the
     * others over a TCP port of its own, written with a random key into {@code {directory}/metadata.lock.db}
     * (a connection needs that key, so only who can read the folder can connect); when that process ends (a port
     * it opened first waits, up to 10 s, for the other processes' sessions to end when it closes), or is killed, the
     * next connection opens the file itself and serves it in turn. A write is durable on the disk before it
     * returns, whichever process serves the file.
     *
     * @throws IllegalArgumentException if the directory's path contains {@code ;} (which would end the URL)
     */
    public static JdbcConfig embeddedH2(Path directory) {
        Path file = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize()
                .resolve(EMBEDDED_DATABASE_NAME);
        if (file.toString().contains(";")) {
            throw new IllegalArgumentException("directory: must not contain ';', got " + directory);
        }
        return builder().jdbcUrl("jdbc:h2:file:" + file + EMBEDDED_H2_OPTIONS).user("sa").build();
    }

    /**
     * These settings with another connection time-out, e.g. a short one for a command-line tool that should report
     * an H2 file held by another process quickly rather than wait.
     *
     * @throws IllegalArgumentException if {@code value} is null or below 250 ms
     */
    public JdbcConfig withConnectionTimeout(Duration value) {
        return new JdbcConfig(jdbcUrl, user, password, maximumPoolSize, value);
    }

    /** The settings without the password. */
    @Override
    public String toString() {
        return "JdbcConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", maximumPoolSize=" + maximumPoolSize + ", connectionTimeout=" + connectionTimeout + "]";
    }

    /** Builds a {@link JdbcConfig}; {@code jdbcUrl} is required. */
    public static final class Builder {
        private String jdbcUrl;
        private String user = "";
        private String password = "";
        private int maximumPoolSize = DEFAULT_MAXIMUM_POOL_SIZE;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;

        private Builder() {
        }

        /** The JDBC URL (required). */
        public Builder jdbcUrl(String value) {
            this.jdbcUrl = value;
            return this;
        }

        /** The user name; empty by default. */
        public Builder user(String value) {
            this.user = value;
            return this;
        }

        /** The password; empty by default. */
        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** The most connections the pool opens; {@value JdbcConfig#DEFAULT_MAXIMUM_POOL_SIZE} by default. */
        public Builder maximumPoolSize(int value) {
            this.maximumPoolSize = value;
            return this;
        }

        /** How long a call waits for a connection; 30 s by default. */
        public Builder connectionTimeout(Duration value) {
            this.connectionTimeout = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a value breaks a rule of {@link JdbcConfig}
         */
        public JdbcConfig build() {
            return new JdbcConfig(jdbcUrl, user, password, maximumPoolSize, connectionTimeout);
        }
    }
}
